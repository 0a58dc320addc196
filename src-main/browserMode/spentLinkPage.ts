/**
 * What opening a used or expired sign-in link shows: why, and how to get a new one.
 * Static HTML under the server's strict CSP: no script, no style but the browser's own.
 */
const words = {
  en: {
    lang: 'en',
    title: 'This sign-in link no longer works',
    used: 'It was already used. For your safety, each link Cubeta prints opens one browser session, once.',
    expired: 'It expired. For your safety, each link Cubeta prints works for 5 minutes.',
    how: 'To get a new link, run this in another terminal, in the Cubeta folder:',
    restart: 'Or stop Cubeta (Ctrl+C) and start it again with “npm run serve”: it prints a new link.',
  },
  es: {
    lang: 'es',
    title: 'Este enlace de acceso ya no funciona',
    used: 'Ya se usó. Por seguridad, cada enlace que imprime Cubeta abre una sola sesión del navegador, una sola vez.',
    expired: 'Venció. Por seguridad, cada enlace que imprime Cubeta funciona durante 5 minutos.',
    how: 'Para obtener un enlace nuevo, ejecuta esto en otra terminal, en la carpeta de Cubeta:',
    restart: 'O detén Cubeta (Ctrl+C) y vuelve a iniciarlo con “npm run serve”: imprime un enlace nuevo.',
  },
}

export function spentLinkPage(reason: 'used' | 'expired', acceptLanguage: string | undefined): string {
  const w = /^\s*es\b/i.test(acceptLanguage ?? '') ? words.es : words.en
  return `<!doctype html>
<html lang="${w.lang}"><head><meta charset="utf-8"><title>${w.title} · Cubeta</title><meta name="viewport" content="width=device-width"></head>
<body><main>
<h1>${w.title}</h1>
<p>${reason === 'used' ? w.used : w.expired}</p>
<p>${w.how}</p>
<pre><code>npm run new-token</code></pre>
<p>${w.restart}</p>
</main></body></html>
`
}
