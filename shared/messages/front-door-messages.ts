import type { MessageCatalog } from './message';

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
    es: 'Se perdió la conexión con Carga. Compruebe que el programa sigue abierto y recargue la página.',
    en: 'The connection to Carga was lost. Check that the program is still running and reload the page.',
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
    es: 'Abra este enlace en el navegador. Ctrl+C para detener.',
    en: 'Open this link in your browser. Ctrl+C to stop.',
  },
  'front-door.web-start-failed': {
    es: 'No se pudo iniciar Carga: {detail}',
    en: 'Carga could not start: {detail}',
  },
} as const satisfies MessageCatalog;
