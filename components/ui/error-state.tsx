interface ErrorLike {
  message: string;
  data?: { code?: string } | null;
}

interface ErrorStateProps {
  error: ErrorLike;
  title?: string;
  onRetry?: () => void;
}

/** Shows the tRPC error message (and its code) instead of a blank view. */
export function ErrorState({ error, title = 'Could not load this view', onRetry }: ErrorStateProps) {
  const code = error.data?.code;
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200"
    >
      <p className="font-medium">{title}</p>
      <p className="mt-1 break-words">
        {code && (
          <span className="mr-1.5 rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs dark:bg-red-900">{code}</span>
        )}
        {error.message}
      </p>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-2 text-sm font-medium text-red-700 underline underline-offset-2 hover:text-red-900 dark:text-red-300"
        >
          Try again
        </button>
      )}
    </div>
  );
}
