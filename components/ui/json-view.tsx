interface JsonViewProps {
  value: unknown;
  empty?: string;
  label?: string;
}

/** Pretty-printed JSON in a scrollable block. */
export function JsonView({ value, empty = 'No data', label }: JsonViewProps) {
  if (value === null || value === undefined) return <p className="text-sm text-slate-400">{empty}</p>;
  return (
    <pre
      aria-label={label}
      className="max-h-80 overflow-auto rounded-lg bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
