/** Utilisation 0..1 as a cell colour: one hue from faint to full, readable on light and dark cards. */
export function utilisationColor(u: number | null): string {
  if (u === null) return 'transparent';
  return `rgba(79, 70, 229, ${(0.08 + 0.92 * Math.max(0, Math.min(1, u))).toFixed(3)})`;
}

/** "scale-agent-…-10": head and tail kept, so names that differ at the end stay distinct. */
export function truncateMiddle(name: string, max: number): string {
  if (name.length <= max) return name;
  const tail = Math.ceil((max - 1) / 2);
  return `${name.slice(0, max - 1 - tail)}…${name.slice(-tail)}`;
}

/** Short labels for a set of names; where two would read alike, those keep more of their ends. */
export function distinctLabels(names: string[], max: number): string[] {
  const labels = names.map((n) => truncateMiddle(n, max));
  for (let width = max + 4; width <= max + 24; width += 4) {
    const seen = new Map<string, number>();
    for (const l of labels) seen.set(l, (seen.get(l) ?? 0) + 1);
    let clash = false;
    labels.forEach((l, i) => {
      if (seen.get(l)! > 1) {
        labels[i] = truncateMiddle(names[i], width);
        clash = true;
      }
    });
    if (!clash) break;
  }
  return labels;
}
