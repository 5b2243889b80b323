import { createFetchHandler } from '@/server/http/fetch-handler';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const handler = createFetchHandler(getRuntime);

export { handler as GET, handler as POST };
