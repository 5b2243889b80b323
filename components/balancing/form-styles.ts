/** The input look of the dashboard's forms (as in the submit-task form). */
export const INPUT_CLASS =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 disabled:opacity-60 aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-950';
