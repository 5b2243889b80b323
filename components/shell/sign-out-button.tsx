'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { errorToast } from '@/components/ui/action-toast';
import { useToast } from '@/components/ui/toast';

/** Ends the session; the sign-in page it lands on says so (this shell, and its notices, are gone by then). */
export function SignOutButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        router.replace('/signin?signed-out=1');
      },
      onError: (err) => toast(errorToast('Could not sign out', err)),
    }),
  );
  return (
    <Button variant="ghost" size="sm" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      {signOut.isPending ? 'Signing out…' : 'Sign out'}
    </Button>
  );
}
