'use client';

import type { Ref } from 'react';
import { CloseIcon, MenuIcon } from './icons';
import { NAV_ID } from './nav-links';

/** Opens the navigation below the lg breakpoint, where the links do not fit in the header. */
export function NavMenuButton({
  open,
  onToggle,
  ref,
}: {
  open: boolean;
  onToggle: () => void;
  ref: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={ref}
      type="button"
      aria-controls={NAV_ID}
      aria-expanded={open}
      onClick={onToggle}
      className="-ml-1.5 inline-flex h-9 shrink-0 items-center gap-1.5 rounded-md px-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 lg:hidden dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {open ? <CloseIcon className="h-5 w-5" /> : <MenuIcon className="h-5 w-5" />}
      <span className="sr-only sm:not-sr-only">Menu</span>
    </button>
  );
}
