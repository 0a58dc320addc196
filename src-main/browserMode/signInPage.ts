/**
 * What a browser that can't get in is shown, in its language: why (the link was used,
 * expired or mistyped, or the browser never signed in), and how to get a new link.
 * Static HTML under the server's strict CSP: no script, no style but the browser's own.
 */
export type SignInTrouble = 'used' | 'expired' | 'wrong' | 'missing'

const words = {
  en: {
    lang: 'en',
    spent: 'This sign-in link no longer works',
    wrongTitle: 'This sign-in link is not right',
    missingTitle: 'Open Cubeta with its sign-in link',
    used: 'It was already used. For your safety, each link Cubeta prints opens one browser session, once.',
    expired: 'It expired. For your safety, each link Cubeta prints works for 5 minutes.',
    wrong: 'Its token is not one Cubeta printed: check that you copied the whole link.',
    missing: 'This browser has no Cubeta session (or Cubeta was restarted since it had one). Open the link that “npm run serve” printed: it works once, within 5 minutes.',
    how: 'To get a new link, run this in another terminal, in the Cubeta folder:',
    restart: 'Or stop Cubeta (Ctrl+C) and start it again with “npm run serve”: it prints a new link.',
  },
  es: {
    lang: 'es',
    spent: 'Este enlace de acceso ya no funciona',
    wrongTitle: 'Este enlace de acceso no es correcto',
    missingTitle: 'Abre Cubeta con su enlace de acceso',
    used: 'Ya se usó. Por seguridad, cada enlace que imprime Cubeta abre una sola sesión del navegador, una sola vez.',
    expired: 'Venció. Por seguridad, cada enlace que imprime Cubeta funciona durante 5 minutos.',
    wrong: 'Su token no es uno que haya impreso Cubeta: revisa que copiaste el enlace completo.',
    missing: 'Este navegador no tiene una sesión de Cubeta (o Cubeta se reinició después). Abre el enlace que imprimió “npm run serve”: funciona una vez, durante 5 minutos.',
    how: 'Para obtener un enlace nuevo, ejecuta esto en otra terminal, en la carpeta de Cubeta:',
    restart: 'O detén Cubeta (Ctrl+C) y vuelve a iniciarlo con “npm run serve”: imprime un enlace nuevo.',
  },
}

export function signInPage(trouble: SignInTrouble, acceptLanguage: string | undefined): string {
  const w = /^\s*es\b/i.test(acceptLanguage ?? '') ? words.es : words.en
  const title = trouble === 'wrong' ? w.wrongTitle : trouble === 'missing' ? w.missingTitle : w.spent
  return `<!doctype html>
<html lang="${w.lang}"><head><meta charset="utf-8"><title>${title} · Cubeta</title><meta name="viewport" content="width=device-width"></head>
<body><main>
<h1>${title}</h1>
<p>${w[trouble]}</p>
<p>${w.how}</p>
<pre><code>npm run new-token</code></pre>
<p>${w.restart}</p>
</main></body></html>
`
}
