/** Opens the database, migrates and starts the orchestrator once per server process, before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getRuntime } = await import('./server/runtime');
  await getRuntime();
}
