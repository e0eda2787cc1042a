import type { MessageCatalog } from './catalog-types';

/** The disk under Carga's folder refused a write: full, read-only, not allowed, or not a folder. */
export const storageMessages = {
  'storage.unusable-full': {
    es: 'Carga no puede guardar en {path}: el disco está lleno. No se envió nada. Libere espacio o indique otra carpeta con CARGA_HOME y repita el comando.',
    en: 'Carga cannot save in {path}: the disk is full. Nothing was sent. Free some space or choose another folder with CARGA_HOME, then run the command again.',
  },
  'storage.unusable-read-only': {
    es: 'Carga no puede guardar en {path}: el disco es de solo lectura. No se envió nada. Indique una carpeta con escritura con CARGA_HOME y repita el comando.',
    en: 'Carga cannot save in {path}: the disk is read-only. Nothing was sent. Choose a writable folder with CARGA_HOME, then run the command again.',
  },
  'storage.unusable-denied': {
    es: 'Carga no tiene permiso para guardar en {path}. No se envió nada. Dé permiso de escritura o indique otra carpeta con CARGA_HOME y repita el comando.',
    en: 'Carga is not allowed to save in {path}. Nothing was sent. Make it writable or choose another folder with CARGA_HOME, then run the command again.',
  },
  'storage.unusable-not-folder': {
    es: 'Carga no puede guardar en {path}: es un archivo, no una carpeta. No se envió nada. Indique una carpeta con CARGA_HOME y repita el comando.',
    en: 'Carga cannot save in {path}: it is a file, not a folder. Nothing was sent. Choose a folder with CARGA_HOME, then run the command again.',
  },
  'storage.job-stopped-full': {
    es: 'El trabajo se detuvo: el disco de {path} se llenó y Carga no puede anotar lo que envía. Las filas sin confirmar siguen pendientes. Libere espacio y reanude el trabajo.',
    en: 'The job stopped: the disk holding {path} is full and Carga cannot record what it sends. Rows not confirmed stay pending. Free some space, then resume the job.',
  },
  'storage.job-stopped-read-only': {
    es: 'El trabajo se detuvo: el disco de {path} pasó a solo lectura y Carga no puede anotar lo que envía. Las filas sin confirmar siguen pendientes. Cuando el disco admita escritura, reanude el trabajo.',
    en: 'The job stopped: the disk holding {path} became read-only and Carga cannot record what it sends. Rows not confirmed stay pending. Once the disk is writable again, resume the job.',
  },
  'storage.job-stopped-denied': {
    es: 'El trabajo se detuvo: Carga perdió el permiso de escritura en {path} y no puede anotar lo que envía. Las filas sin confirmar siguen pendientes. Devuelva el permiso y reanude el trabajo.',
    en: 'The job stopped: Carga lost permission to write in {path} and cannot record what it sends. Rows not confirmed stay pending. Make it writable again, then resume the job.',
  },
} satisfies MessageCatalog;
