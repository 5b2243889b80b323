import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET() {
  const rt = await getRuntime();
  return new Response(await rt.metrics.registry.metrics(), {
    headers: { 'content-type': rt.metrics.registry.contentType },
  });
}
