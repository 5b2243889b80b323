interface ActionErrorProps {
  error: { message: string; data?: { code?: string } | null } | null;
  className?: string;
}

/** A refused action's tRPC error, with its code ("CONFLICT"), next to the button that caused it. */
export function ActionError({ error, className = '' }: ActionErrorProps) {
  if (!error) return null;
  const code = error.data?.code;
  return (
    <p role="alert" className={`break-words text-sm text-red-600 dark:text-red-400 ${className}`}>
      {code && (
        <span className="mr-1.5 rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs dark:bg-red-950">{code}</span>
      )}
      {error.message}
    </p>
  );
}
