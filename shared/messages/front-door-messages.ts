import type { MessageCatalog } from './catalog-types';

/** Texts of the two front doors (Electron's IPC and the web server) and of the desktop shell. */
export const frontDoorMessages = {
  'front-door.invalid-input': {
    es: 'Carga recibió una solicitud con datos no válidos en «{path}». Vuelva a intentarlo; si el problema sigue, reinicie la aplicación.',
    en: 'Carga received a request with invalid data in "{path}". Try again; if the problem persists, restart the app.',
  },
  'front-door.unexpected-error': {
    es: 'Algo falló dentro de Carga. Vuelva a intentarlo; si el problema sigue, reinicie la aplicación.',
    en: 'Something went wrong inside Carga. Try again; if the problem persists, restart the app.',
  },
  'front-door.forbidden': {
    es: 'Acceso denegado. Abra Carga con el enlace completo que mostró la terminal al iniciar.',
    en: 'Access denied. Open Carga with the full link the terminal printed at start-up.',
  },
  'front-door.unknown-method': {
    es: 'Carga no reconoce la operación «{method}».',
    en: 'Carga does not know the operation "{method}".',
  },
  'front-door.body-too-large': {
    es: 'La solicitud supera el tamaño máximo permitido ({limit}).',
    en: 'The request is larger than the maximum allowed ({limit}).',
  },
  'front-door.bad-json': {
    es: 'Carga recibió una solicitud que no es JSON válido.',
    en: 'Carga received a request that is not valid JSON.',
  },
  'front-door.upload-too-large': {
    es: 'El archivo «{name}» supera el máximo de {limit} que se puede subir.',
    en: 'The file "{name}" is larger than the {limit} upload limit.',
  },
  'front-door.upload-failed': {
    es: 'No se pudo recibir el archivo «{name}»: la transferencia se interrumpió. Vuelva a arrastrarlo.',
    en: 'The file "{name}" could not be received: the transfer was interrupted. Drop it again.',
  },
  'front-door.connection-lost': {
    es: 'Se perdió la conexión con Carga. Si lo reinició, abra la dirección nueva que mostró la terminal; si no, compruebe que sigue abierto.',
    en: 'The connection to Carga was lost. If you restarted it, open the new address the terminal printed; otherwise check that it is still running.',
  },
  'front-door.file-without-path': {
    es: 'No se pudo obtener la ubicación de «{name}» en el disco. Guárdelo primero como archivo y vuelva a arrastrarlo.',
    en: 'The location of "{name}" on disk could not be found. Save it as a file first and drop it again.',
  },
  'front-door.secure-storage-unavailable': {
    es: 'El sistema no ofrece almacenamiento cifrado para guardar el token. Inicie sesión en el llavero del sistema (por ejemplo, GNOME Keyring o KWallet) y vuelva a intentarlo.',
    en: 'The system offers no encrypted storage to keep the token. Unlock the system keyring (for example GNOME Keyring or KWallet) and try again.',
  },
  'front-door.running-in-background': {
    es: 'La carga sigue en segundo plano. Abra Carga de nuevo para ver el avance.',
    en: 'The import keeps running in the background. Open Carga again to see its progress.',
  },
  'front-door.job-finished-title': {
    es: 'Carga terminó «{fileName}»',
    en: 'Carga finished "{fileName}"',
  },
  'front-door.job-finished-body': {
    es: '{ok} correctas, {failed} con error, {uncertain} por verificar.',
    en: '{ok} accepted, {failed} failed, {uncertain} to check.',
  },
  'front-door.web-usage': {
    es: 'Uso: npm run web -- [--port N] [--no-sandbox-crm] [--lang es|en]\n\nSirve Carga en http://127.0.0.1 para usarla desde el navegador.\n  --port N           puerto fijo (por defecto, uno libre)\n  --no-sandbox-crm   no iniciar el CRM de prueba integrado\n  --lang es|en       idioma de los mensajes\nBROWSER=none evita que se abra el navegador. Los datos se guardan en $CARGA_HOME (por defecto ~/.carga).',
    en: 'Usage: npm run web -- [--port N] [--no-sandbox-crm] [--lang es|en]\n\nServes Carga on http://127.0.0.1 to use it from a browser.\n  --port N           a fixed port (default: any free one)\n  --no-sandbox-crm   do not start the embedded sandbox CRM\n  --lang es|en       language of the messages\nBROWSER=none keeps the browser from opening. Data is kept in $CARGA_HOME (default ~/.carga).',
  },
  'front-door.web-bad-port': {
    es: 'El puerto «{port}» no es válido: use un número entre 1 y 65535.',
    en: 'The port "{port}" is not valid: use a number between 1 and 65535.',
  },
  'front-door.web-building': {
    es: 'Preparando la interfaz (solo la primera vez o tras cambios)…',
    en: 'Building the interface (only the first time or after changes)…',
  },
  'front-door.web-open-hint': {
    es: 'Abra este enlace en el navegador: sirve una sola vez, y al usarlo la terminal muestra otro. Ctrl+C para detener.',
    en: 'Open this link in your browser: it works once, and when it is used the terminal prints another. Ctrl+C to stop.',
  },
  'front-door.web-start-failed': {
    es: 'No se pudo iniciar Carga: {detail}',
    en: 'Carga could not start: {detail}',
  },
  'front-door.session-ended': {
    es: 'Carga se reinició y esta página ya no sirve. Abra la dirección nueva que mostró la terminal.',
    en: 'Carga was restarted and this page no longer works. Open the new address the terminal printed.',
  },
  'front-door.ticket-used': {
    es: 'Este enlace ya se usó: cada enlace abre Carga una sola vez. Abra la dirección más reciente que mostró la terminal.',
    en: 'This link was already used: each link opens Carga once. Open the latest address the terminal printed.',
  },
  'front-door.web-opening': {
    es: 'Abriendo Carga…',
    en: 'Opening Carga…',
  },
  'front-door.uploads-full': {
    es: 'El archivo «{name}» no cabe: los archivos subidos para las importaciones ya ocupan {used} de los {limit} que Carga guarda. Ábralo con la aplicación de escritorio o la línea de comandos, que lo leen donde está sin subirlo.',
    en: 'The file "{name}" does not fit: files uploaded for imports already take {used} of the {limit} Carga keeps. Open it with the desktop app or the command line, which read it where it is without uploading it.',
  },
  'front-door.web-browser-not-opened': {
    es: 'No se abrió el navegador ({detail}). Abra el enlace de arriba.',
    en: 'The browser was not opened ({detail}). Open the link above.',
  },
} as const satisfies MessageCatalog;
