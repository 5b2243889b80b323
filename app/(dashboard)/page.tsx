export default function OverviewPage() {
  return <main className="p-6">Overview</main>;
}
