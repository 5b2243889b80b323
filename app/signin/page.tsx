import type { Metadata } from 'next';
import { ToastProvider } from '@/components/ui/toast';
import { SignInForm } from './client';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const signedOut = (await searchParams)['signed-out'] !== undefined;
  return (
    <ToastProvider>
      <main className="flex min-h-screen items-center justify-center p-4">
        <SignInForm signedOut={signedOut} />
      </main>
    </ToastProvider>
  );
}
