import type { ReactNode } from 'react';
import { requireSession } from '@/components/trpc/server';

export const dynamic = 'force-dynamic';

/** Every dashboard page needs a signed-in user. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requireSession();
  return <>{children}</>;
}
