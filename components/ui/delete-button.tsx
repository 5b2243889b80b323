'use client';

import { Button } from './button';
import { useConfirm } from './confirm-dialog';

interface DeleteButtonProps {
  /** The question: "Delete hook ci?" */
  title: string;
  /** What stops, and that it cannot be undone. */
  body: string;
  busy: boolean;
  onDelete: () => void;
}

/** A row's red "Delete": asks first, deletes on yes. */
export function DeleteButton({ title, body, busy, onDelete }: DeleteButtonProps) {
  const confirm = useConfirm();
  const ask = async () => {
    if (await confirm({ title, body, confirmLabel: 'Delete', destructive: true })) onDelete();
  };
  return (
    <Button
      size="sm"
      variant="ghost"
      className="text-red-600 dark:text-red-400"
      disabled={busy}
      onClick={() => void ask()}
    >
      Delete
    </Button>
  );
}
