import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { cspNonce } from '@/components/shell/csp-nonce';
import { THEME_SCRIPT } from '@/components/shell/theme';
import { TRPCReactProvider } from '@/components/trpc/client';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Flightdeck', template: '%s · Flightdeck' },
  description: 'Control plane for fleets of AI coding agents',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/**
 * Rendered per request, never prerendered: only then can Next put the request's CSP nonce on its
 * scripts (proxy.ts), and the theme script carry it. The script sets <html>'s class before the
 * first paint, so the server's markup differs there on purpose.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = await cspNonce();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
