import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * THIRD_PARTY_LICENSES.md for the packages bundled into the worker: each one's name, version,
 * licence and licence file, since bundling drops the files that carried them.
 */
export async function licenseNotices(root: string, packageDirs: string[]): Promise<string> {
  const sections: string[] = [];
  for (const dir of packageDirs) {
    const full = path.join(root, dir);
    const pkg = JSON.parse(await readFile(path.join(full, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license?: string;
    };
    const licenseFile = (await readdir(full)).filter((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f)).sort()[0];
    const text = licenseFile
      ? (await readFile(path.join(full, licenseFile), 'utf8')).trim()
      : '(no licence file in the package)';
    sections.push(
      `## ${pkg.name} ${pkg.version} (${pkg.license ?? 'licence not stated'})\n\n\`\`\`text\n${text}\n\`\`\``,
    );
  }
  return `# Third-party software bundled into flightdeck-agent\n\n${sections.join('\n\n')}\n`;
}
