// The offered web fonts' files (latin subset, regular, semibold and bold), bundled by Next into
// /_next/static/media and so served from the app's own origin: the CSP keeps `font-src 'self'`.
// A browser downloads a file only when a page uses its font.
import "@fontsource/inter/latin-400.css";
import "@fontsource/inter/latin-600.css";
import "@fontsource/inter/latin-700.css";
import "@fontsource/merriweather/latin-400.css";
import "@fontsource/merriweather/latin-600.css";
import "@fontsource/merriweather/latin-700.css";
import "@fontsource/roboto-mono/latin-400.css";
import "@fontsource/roboto-mono/latin-600.css";
import "@fontsource/roboto-mono/latin-700.css";
