import type { Metadata } from 'next';
import { SignInForm } from './client';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default function SignInPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <SignInForm />
    </main>
  );
}
