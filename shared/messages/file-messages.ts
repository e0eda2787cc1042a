import type { MessageCatalog } from './catalog-types';

export const fileMessages = {
  // Opening a file
  'file.not-found': {
    es: 'No se encontró el archivo {path}. Revise la ruta y el nombre.',
    en: 'File {path} was not found. Check the path and the name.',
  },
  'file.not-a-file': {
    es: '{path} no es un archivo (¿es una carpeta?). Elija una hoja de cálculo CSV o Excel.',
    en: '{path} is not a file (is it a folder?). Choose a CSV or Excel spreadsheet.',
  },
  'file.unreadable': {
    es: 'No se pudo leer {path}: {reason}. Revise que el archivo no esté abierto en otro programa y que tenga permiso para leerlo.',
    en: 'Could not read {path}: {reason}. Check that no other program holds it open and that you may read it.',
  },
  'file.read-failed': {
    es: 'La lectura de {name} falló a mitad del archivo: {reason}.',
    en: 'Reading {name} failed partway through: {reason}.',
  },
  'file.empty': {
    es: 'El archivo {name} está vacío: no tiene encabezado ni filas.',
    en: 'File {name} is empty: it has no header and no rows.',
  },
  'file.binary': {
    es: '{name} no parece una hoja de cálculo: tiene contenido binario. Guárdela desde Excel como «CSV UTF-8» o como libro .xlsx.',
    en: '{name} does not look like a spreadsheet: it holds binary content. Save it from Excel as "CSV UTF-8" or as an .xlsx workbook.',
  },
  'file.xls-unsupported': {
    es: '{name} es un libro de Excel antiguo (.xls). Ábralo en Excel y guárdelo como .xlsx o como «CSV UTF-8».',
    en: '{name} is an old Excel workbook (.xls). Open it in Excel and save it as .xlsx or as "CSV UTF-8".',
  },
  'file.xlsx-not-zip': {
    es: '{name} tiene extensión .xlsx pero no es un libro de Excel válido (puede estar dañado o ser otro formato renombrado). Ábralo en Excel y guárdelo de nuevo.',
    en: '{name} has an .xlsx extension but is not a valid Excel workbook (it may be damaged or another format renamed). Open it in Excel and save it again.',
  },
  'file.xlsx-damaged': {
    es: 'El libro {name} está dañado o incompleto (¿se cortó al copiarlo o descargarlo?). Descárguelo de nuevo o ábralo en Excel y guárdelo otra vez.',
    en: 'Workbook {name} is damaged or incomplete (was it cut short while copying or downloading?). Download it again, or open it in Excel and save it again.',
  },
  'file.xlsx-damaged-at-row': {
    es: 'El libro {name} está dañado o incompleto: la lectura se cortó después de la fila {row}. Descárguelo de nuevo o ábralo en Excel y guárdelo otra vez.',
    en: 'Workbook {name} is damaged or incomplete: reading broke off after row {row}. Download it again, or open it in Excel and save it again.',
  },
  'file.xlsx-too-large': {
    es: 'El libro {name} no se abrirá: una de sus partes pasaría de {size} al descomprimirla, y el límite para un libro de este tamaño es {limit} (podría ser un archivo malicioso o dañado). Si es un libro legítimo, ábralo en Excel y guárdelo como «CSV UTF-8».',
    en: 'Workbook {name} will not be opened: one of its parts would unpack to {size}, and the limit for a workbook of this size is {limit} (it may be malicious or damaged). If it is a genuine workbook, open it in Excel and save it as "CSV UTF-8".',
  },
  'file.not-a-workbook': {
    es: '{name} es un archivo comprimido pero no un libro de Excel (.xlsx). Guarde la hoja como .xlsx o como «CSV UTF-8».',
    en: '{name} is a compressed file but not an Excel workbook (.xlsx). Save the sheet as .xlsx or as "CSV UTF-8".',
  },
  'file.sheet-not-found': {
    es: 'El libro no tiene una hoja llamada «{sheet}». Hojas del libro: {sheets}.',
    en: 'The workbook has no sheet named "{sheet}". Its sheets: {sheets}.',
  },
  'file.header-row-not-found': {
    es: 'El archivo no tiene una fila {line}. Elija otra fila para el encabezado.',
    en: 'The file has no row {line}. Choose another row for the header.',
  },

  // Reading rows
  'file.unclosed-quote': {
    es: 'La fila {row} abre comillas que nunca se cierran, así que el archivo termina en medio de un campo (¿está incompleto?). Revise esa fila.',
    en: 'Row {row} opens a quote that is never closed, so the file ends in the middle of a field (is it incomplete?). Check that row.',
  },
  'file.record-too-large': {
    es: 'La fila {row} tiene un campo de más de {limit} o abre comillas que no se cierran. Revise esa fila.',
    en: 'Row {row} holds a field larger than {limit}, or opens a quote that is not closed. Check that row.',
  },
  'file.row-short': {
    es: 'La fila {row} tiene {found} celdas y el encabezado {expected}: puede haberse partido en dos. No se enviará.',
    en: 'Row {row} has {found} cells and the header {expected}: it may have been split in two. It will not be sent.',
  },
  'file.row-long': {
    es: 'La fila {row} tiene datos en {found} celdas y el encabezado solo {expected} columnas: sobran datos. No se enviará.',
    en: 'Row {row} has data in {found} cells and the header only {expected} columns: there is extra data. It will not be sent.',
  },
  'file.row-bad-quotes': {
    es: 'La fila {row} tiene comillas mal puestas; ocupa {lines} líneas del archivo y puede haberse unido con las siguientes. No se enviará.',
    en: 'Row {row} has misplaced quotes; it spans {lines} lines of the file and may have merged with the next ones. It will not be sent.',
  },

  'file.row-other-encoding': {
    es: 'La fila {row} está escrita en otra codificación que el archivo ({encoding}): sus acentos se leerían mal. No se enviará. Guarde el archivo entero desde Excel como «CSV UTF-8» o elija otra codificación.',
    en: 'Row {row} is written in another encoding than the file ({encoding}): its accents would be read wrong. It will not be sent. Save the whole file from Excel as "CSV UTF-8" or choose another encoding.',
  },

  // Warnings about what was found
  'file.header-below-title': {
    es: 'El encabezado está en la fila {line}; se omitieron las filas de título de arriba.',
    en: 'The header is on row {line}; the title rows above it were skipped.',
  },
  'file.header-blank': {
    es: 'La columna {position} no tiene nombre en el encabezado; se llamará «{column}».',
    en: 'Column {position} has no name in the header; it will be called "{column}".',
  },
  'file.header-duplicate': {
    es: 'El encabezado «{header}» se repite; la columna {position} se llamará «{column}».',
    en: 'Header "{header}" appears more than once; column {position} will be called "{column}".',
  },
  'file.no-data-rows': {
    es: 'El archivo solo tiene el encabezado: no hay filas para cargar.',
    en: 'The file has only the header: there are no rows to load.',
  },
  'file.sheet-empty': {
    es: 'La hoja «{sheet}» está vacía. Elija otra hoja del libro.',
    en: 'Sheet "{sheet}" is empty. Choose another sheet of the workbook.',
  },
  'file.mixed-encoding': {
    es: 'El archivo mezcla codificaciones: se lee como {encoding}, pero la línea {line} (byte {byte}) está escrita en otra. Las filas así se marcarán y no se enviarán. Guarde el archivo desde Excel como «CSV UTF-8» o elija otra codificación.',
    en: 'The file mixes encodings: it is read as {encoding}, but line {line} (byte {byte}) is written in another one. Such rows will be flagged and not sent. Save the file from Excel as "CSV UTF-8" or choose another encoding.',
  },
  'file.xlsx-scientific': {
    es: 'La columna «{column}» tiene números largos que Excel muestra en notación científica (p. ej. {example}); se leyeron con todos sus dígitos. Si son teléfonos o documentos, revise que estén completos.',
    en: 'Column "{column}" has long numbers that Excel shows in scientific notation (e.g. {example}); they were read with all their digits. If they are phone or ID numbers, check that they are complete.',
  },
  'file.xlsx-digits-lost': {
    es: 'La columna «{column}» tiene números de más de 15 cifras (p. ej. {example}): Excel ya perdió las últimas. Déles formato de texto en Excel y vuelva a escribirlos.',
    en: 'Column "{column}" has numbers longer than 15 digits (e.g. {example}): Excel has already lost the last ones. Format the column as text in Excel and type them again.',
  },

  // carga inspect
  'file.inspect-label-file': { es: 'Archivo', en: 'File' },
  'file.inspect-label-kind': { es: 'Tipo', en: 'Kind' },
  'file.inspect-label-size': { es: 'Tamaño', en: 'Size' },
  'file.inspect-label-sheet': { es: 'Hoja', en: 'Sheet' },
  'file.inspect-label-sheets': { es: 'Hojas del libro', en: 'Workbook sheets' },
  'file.inspect-label-encoding': { es: 'Codificación', en: 'Encoding' },
  'file.inspect-label-bom': { es: 'con BOM', en: 'with BOM' },
  'file.inspect-label-delimiter': { es: 'Delimitador', en: 'Delimiter' },
  'file.inspect-label-header-line': { es: 'Encabezado', en: 'Header' },
  'file.inspect-header-line': {
    es: 'fila {line} (--header-row {headerRow})',
    en: 'row {line} (--header-row {headerRow})',
  },
  'file.inspect-header-sheet-row': {
    es: 'fila {line} (--header-row {headerRow})',
    en: 'row {line} (--header-row {headerRow})',
  },
  'file.inspect-label-rows': { es: 'Filas de datos', en: 'Data rows' },
  'file.inspect-label-columns': { es: 'Columnas', en: 'Columns' },
  'file.inspect-label-warnings': { es: 'Avisos', en: 'Warnings' },
  'file.inspect-label-preview': {
    es: 'Vista previa (primeras {count} filas)',
    en: 'Preview (first {count} rows)',
  },
  'file.inspect-no-preview': { es: 'No hay filas para mostrar.', en: 'There are no rows to show.' },
  'file.inspect-delimiter-comma': { es: 'coma (,)', en: 'comma (,)' },
  'file.inspect-delimiter-semicolon': { es: 'punto y coma (;)', en: 'semicolon (;)' },
  'file.inspect-delimiter-tab': { es: 'tabulador', en: 'tab' },
  'file.inspect-delimiter-pipe': { es: 'barra vertical (|)', en: 'pipe (|)' },
  'file.sheet-chosen': {
    es: 'Se abrió la hoja «{sheet}» porque es la que tiene los datos: {rows} filas bajo una fila de encabezados (las otras hojas, {others}, tienen menos). Si los datos están en otra hoja, elíjala aquí.',
    en: 'Sheet "{sheet}" was opened because it holds the data: {rows} rows under a header row (the other sheets, {others}, have fewer). If the data is on another sheet, choose it here.',
  },
} as const satisfies MessageCatalog;
