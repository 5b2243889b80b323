import type { ReactNode } from 'react';
import { DashboardShell } from '@/components/shell/dashboard-shell';
import { requireSession } from '@/components/trpc/server';

export const dynamic = 'force-dynamic';

/** Every dashboard page needs a signed-in user. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { principal } = await requireSession();
  const role = 'role' in principal ? principal.role : null;
  return <DashboardShell user={{ name: principal.name, role }}>{children}</DashboardShell>;
}
