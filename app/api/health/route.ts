export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Liveness: the process answers. Readiness (database, events) is /api/ready. */
export function GET() {
  return Response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
}
