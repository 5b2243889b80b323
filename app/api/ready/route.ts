import { getRuntime } from '@/server/runtime';
import { checkReadiness } from '@/server/readiness';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET() {
  const report = await checkReadiness(await getRuntime());
  return Response.json(report, {
    status: report.ready ? 200 : 503,
    headers: report.ready ? {} : { 'retry-after': '5' },
  });
}
