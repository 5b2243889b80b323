'use client';

import type { ReactNode } from 'react';
import { Button } from './button';

/** A page header's "New …" button that opens (and hides) the page's create form. */
export function FormToggle({ open, onToggle, children }: { open: boolean; onToggle: () => void; children: ReactNode }) {
  return (
    <Button variant={open ? 'secondary' : 'primary'} onClick={onToggle} aria-expanded={open}>
      {open ? 'Hide form' : children}
    </Button>
  );
}
