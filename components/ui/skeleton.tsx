interface SkeletonProps {
  className?: string;
}

/** A grey placeholder block while data loads. */
export function Skeleton({ className = 'h-4 w-full' }: SkeletonProps) {
  return <div aria-hidden className={`animate-pulse rounded-md bg-slate-200/80 dark:bg-slate-800 ${className}`} />;
}
