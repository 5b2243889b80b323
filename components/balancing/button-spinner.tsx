/** A small spinner that takes the button's own text colour. */
export function ButtonSpinner() {
  return (
    <span
      aria-hidden
      className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent opacity-80"
    />
  );
}
