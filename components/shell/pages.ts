/** The dashboard's main pages, in navigation order, each with its `g` shortcut key. */
export const MAIN_PAGES = [
  { href: '/', label: 'Overview', key: 'o' },
  { href: '/alerts', label: 'Alerts', key: 'l' },
  { href: '/agents', label: 'Agents', key: 'a' },
  { href: '/pools', label: 'Pools', key: 'p' },
  { href: '/tasks', label: 'Tasks', key: 't' },
  { href: '/dead-letters', label: 'Dead letters', key: 'd' },
  { href: '/balancing', label: 'Balancing', key: 'b' },
  { href: '/hooks', label: 'Hooks', key: 'h' },
] as const;

/** Whether `href` is the page shown at `pathname` (or one of its detail pages). */
export function isCurrentPage(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}
