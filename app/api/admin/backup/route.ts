import { answerBackupRequest } from '@/server/data/backup-endpoint';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request) {
  return answerBackupRequest(await getRuntime(), req.headers);
}
