import { NotFoundPanel } from '@/components/shell/not-found-panel';

/** A dashboard page that found nothing to show (`notFound()`), inside the dashboard's header and navigation. */
export default function DashboardNotFound() {
  return <NotFoundPanel signedIn />;
}
