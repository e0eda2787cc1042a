import type { MessageCatalog } from './catalog-types';

/** Texts of `carga sandbox`, the standalone sandbox CRM. */
export const sandboxMessages = {
  'cli.sandbox.port-in-use': {
    es: 'El puerto {port} ya está en uso. Elija otro con --port, o use --port 0 para tomar uno libre.',
    en: 'Port {port} is already in use. Pick another one with --port, or use --port 0 to take a free one.',
  },
  'cli.sandbox.listening': {
    es: 'Sandbox de Carga escuchando en {origin}',
    en: 'Carga sandbox listening on {origin}',
  },
  'cli.sandbox.token-hint': {
    es: 'Token del sandbox (no es secreto: solo abre este sandbox). Para el CLI:',
    en: 'Sandbox token (not a secret: it only opens this sandbox). For the CLI:',
  },
  'cli.sandbox.crm': {
    es: 'Operación: {operation} · Usuarios: {users} · Campos personalizados: {customFields}',
    en: 'Operation: {operation} · Users: {users} · Custom fields: {customFields}',
  },
  'cli.sandbox.contacts': { es: 'Contactos: {contacts}', en: 'Contacts: {contacts}' },
  'cli.sandbox.campaigns': { es: 'Campañas: {campaigns}', en: 'Campaigns: {campaigns}' },
  'cli.sandbox.limits': {
    es: 'Límite diario: {dailyLimit} solicitudes · 2 simultáneas por token · hasta {licenseCap} registros por carga de campaña',
    en: 'Daily limit: {dailyLimit} requests · 2 at a time per token · up to {licenseCap} records per campaign upload',
  },
  'cli.sandbox.latency': {
    es: 'Latencia: {latency} ms + hasta {jitter} ms',
    en: 'Latency: {latency} ms + up to {jitter} ms',
  },
  'cli.sandbox.stop-hint': { es: 'Presione Ctrl+C para detenerlo.', en: 'Press Ctrl+C to stop it.' },
  'cli.sandbox.request-reset': { es: 'conexión cortada', en: 'connection reset' },
  'cli.sandbox.request-abandoned': { es: 'sin respuesta', en: 'no answer' },
  'cli.sandbox.stopped': { es: 'Sandbox detenido.', en: 'Sandbox stopped.' },
  'cli.sandbox.reset-done': {
    es: 'Sandbox de {origin} reiniciado: cada token tiene otra vez toda su cuota del día y no queda ningún registro aceptado.',
    en: 'Sandbox at {origin} reset: every token has its whole daily quota again and no accepted record is left.',
  },
  'cli.sandbox.reset-port-missing': {
    es: '«carga sandbox-reset» necesita --port: el puerto que mostró «carga sandbox» al iniciar. El sandbox de la aplicación se reinicia desde la aplicación (Conectar, conexión Sandbox).',
    en: '«carga sandbox-reset» needs --port: the port «carga sandbox» printed when it started. The app’s sandbox is reset from the app (Connect, a Sandbox connection).',
  },
  'cli.sandbox.reset-unreachable': {
    es: 'No hay un sandbox escuchando en {origin}. Revise el puerto que mostró «carga sandbox» al iniciar, o inícielo con «carga sandbox --port {port}».',
    en: 'No sandbox is listening at {origin}. Check the port «carga sandbox» printed when it started, or start it with «carga sandbox --port {port}».',
  },
  'cli.sandbox.reset-refused': {
    es: 'Lo que escucha en {origin} no es un sandbox de Carga (respondió {status}); no se cambió nada.',
    en: 'What listens at {origin} is not a Carga sandbox (it answered {status}); nothing was changed.',
  },
} as const satisfies MessageCatalog;
