import type { ProcedureDoc, ProcedurePath } from './doc-types';
import { describeInput, fieldPaths } from './input-fields';
import type { ProcedureInfo } from './procedure-catalog';

type Parser = {
  safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
};

/** What in one procedure's hand-written docs disagrees with the procedure itself. */
export function checkProcedureDoc(info: ProcedureInfo, doc: ProcedureDoc<ProcedurePath>): string[] {
  const problems: string[] = [];
  if (!doc.summary?.trim()) problems.push('needs a one-sentence summary');
  if (!doc.returns && doc.example?.output === undefined)
    problems.push('say what it answers: returns, or example.output');
  const example = doc.example ?? {};
  if ('input' in example && example.input !== undefined) {
    if (!info.input) problems.push('example.input is given, but the procedure takes no input');
    else {
      const parsed = (info.input as Parser).safeParse(example.input);
      if (!parsed.success)
        problems.push(
          `example.input is refused by the router: ${parsed.error!.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`,
        );
    }
  }
  if (info.input) {
    const shape = describeInput(info.input, doc.forms);
    const known = fieldPaths(shape);
    for (const field of Object.keys(doc.fields ?? {}))
      if (!known.has(field))
        problems.push(`fields describes ${field}, which its input does not have (it has ${[...known].join(', ')})`);
    if (doc.forms && doc.forms.length !== shape.forms.length)
      problems.push(`forms names ${doc.forms.length} forms; the input has ${shape.forms.length}`);
  } else if (doc.fields || doc.forms) {
    problems.push('describes input fields, but the procedure takes no input');
  }
  return problems;
}
