import { agentPackageResponse } from '@/server/agent-package/package-response';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** `npm run dev`'s copy of the route `npm start` serves from Node (server/http/agent-package-handler.ts). */
export async function GET(req: Request) {
  const rt = await getRuntime();
  const answer = await agentPackageResponse(req.method, req.headers.get('if-none-match'), rt.log.child({ part: 'agent-package' }));
  return new Response(answer.body ? new Uint8Array(answer.body) : null, { status: answer.status, headers: answer.headers });
}
