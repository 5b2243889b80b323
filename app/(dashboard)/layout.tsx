import type { ReactNode } from 'react';
import { DashboardShell } from '@/components/shell/dashboard-shell';
import { requireSession } from '@/components/trpc/server';

export const dynamic = 'force-dynamic';

/** Every dashboard page needs a signed-in user. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { actor } = await requireSession();
  return <DashboardShell user={{ name: actor.name, role: actor.role }}>{children}</DashboardShell>;
}
