import type { MessageCatalog } from './catalog-types';

/**
 * Texts of row validation (`validation.*`: they name the row, the column and the value, and say
 * what to do), of mapping problems (`mapping.*`) and of the `carga check` command (`check.*`).
 * A field is named by its label in each language plus its key, which is what templates use.
 */
export const validationMessages = {
  // -- Row problems ---------------------------------------------------------------------------
  'validation.required-missing': {
    es: 'Fila {row}: falta «{labelEs}». La celda de la columna «{column}» está vacía y la plantilla no tiene un valor fijo para ese campo. Complete la celda o defina un valor fijo.',
    en: 'Row {row}: «{labelEn}» is missing. The cell in column «{column}» is empty and the template has no fixed value for that field. Fill in the cell or set a fixed value.',
  },
  'validation.required-unmapped': {
    es: 'Fila {row}: falta «{labelEs}». Ninguna columna lo trae y la plantilla no tiene un valor fijo. Asígnele una columna o defina un valor fijo.',
    en: 'Row {row}: «{labelEn}» is missing. No column provides it and the template has no fixed value. Map a column to it or set a fixed value.',
  },
  'validation.invalid-date': {
    es: 'Fila {row}, columna «{column}»: «{value}» no se reconoce como fecha. Escríbala como dd/mm/aaaa (por ejemplo 15/03/2026), aaaa-mm-dd o como fecha de Excel.',
    en: 'Row {row}, column «{column}»: «{value}» is not recognised as a date. Write it as dd/mm/yyyy (for example 15/03/2026), yyyy-mm-dd or as an Excel date.',
  },
  'validation.impossible-date': {
    es: 'Fila {row}, columna «{column}»: «{value}» no es una fecha que exista. Revise el día, el mes y la hora, y corríjala en el archivo.',
    en: 'Row {row}, column «{column}»: «{value}» is not a date that exists. Check the day, the month and the time, and correct it in the file.',
  },
  'validation.date-format-mismatch': {
    es: 'Fila {row}, columna «{column}»: «{value}» no está escrita como {format}, el formato que la plantilla indica para esa columna. Corrija la fecha o cambie el formato en la plantilla.',
    en: 'Row {row}, column «{column}»: «{value}» is not written as {format}, the format the template sets for that column. Correct the date or change the format in the template.',
  },
  'validation.phone-too-short': {
    es: 'Fila {row}, columna «{column}»: «{value}» tiene {digits} dígitos y un teléfono necesita al menos 7. Corrija el número; si perdió un cero inicial, formatee la columna como texto en Excel y vuelva a exportar.',
    en: 'Row {row}, column «{column}»: «{value}» has {digits} digits and a phone number needs at least 7. Correct the number; if it lost a leading zero, format the column as text in Excel and export again.',
  },
  'validation.phone-scientific': {
    es: 'Fila {row}, columna «{column}»: «{value}» está en notación científica; Excel perdió dígitos. Formatee la columna como texto en Excel y vuelva a exportar.',
    en: 'Row {row}, column «{column}»: «{value}» is in scientific notation; Excel lost digits. Format the column as text in Excel and export again.',
  },
  'validation.phone-invalid': {
    es: 'Fila {row}, columna «{column}»: «{value}» tiene letras o símbolos que no son de un teléfono. Deje solo el número, uno por celda.',
    en: 'Row {row}, column «{column}»: «{value}» has letters or symbols that do not belong in a phone number. Leave only the number, one per cell.',
  },
  'validation.phone-too-long': {
    es: 'Fila {row}, columna «{column}»: «{value}» tiene {digits} dígitos, más de los 15 que puede tener un teléfono; quizá hay dos números en la misma celda. Deje uno solo por celda.',
    en: 'Row {row}, column «{column}»: «{value}» has {digits} digits, more than the 15 a phone number can have; there may be two numbers in one cell. Leave only one per cell.',
  },
  'validation.invalid-email': {
    es: 'Fila {row}, columna «{column}»: «{value}» no parece un correo electrónico (nombre@dominio.com). Corríjalo en el archivo.',
    en: 'Row {row}, column «{column}»: «{value}» does not look like an e-mail address (name@domain.com). Correct it in the file.',
  },
  'validation.unknown-system-value': {
    es: 'Fila {row}, columna «{column}»: «{value}» no es un valor que acepte el CRM. Use uno de estos: {allowed}, o diga en qué se convierte «{value}» en «Valores a traducir» del paso Asignar (en la plantilla, su mapa de valores). Si su CRM tiene ese valor, agréguelo a la conexión como estado o prioridad adicional (en la línea de comandos, --extra-status o --extra-priority).',
    en: 'Row {row}, column «{column}»: «{value}» is not a value the CRM accepts. Use one of: {allowed}, or say what «{value}» becomes under "Values to translate" in the Map step (in the template, your value map). If your CRM has that value, add it to the connection as an extra status or priority (on the command line, --extra-status or --extra-priority).',
  },
  'validation.joined-too-long': {
    es: 'Fila {row}: las columnas {columns} juntas dan {length} caracteres para «{labelEs}» y el máximo es {max}. Acorte alguna de ellas o deje de enviar una.',
    en: 'Row {row}: columns {columns} together give {length} characters for «{labelEn}» and the maximum is {max}. Shorten one of them or stop sending one.',
  },
  'validation.not-a-boolean': {
    es: 'Fila {row}, columna «{column}»: «{value}» no es un sí/no. Escriba Sí o No (también valen true/false, 1/0).',
    en: 'Row {row}, column «{column}»: «{value}» is not a yes/no. Write Yes or No (true/false and 1/0 work too).',
  },
  'validation.not-an-integer': {
    es: 'Fila {row}, columna «{column}»: «{value}» no es un número entero. Escríbalo sin decimales, por ejemplo 1.234 o 1234.',
    en: 'Row {row}, column «{column}»: «{value}» is not a whole number. Write it without decimals, for example 1,234 or 1234.',
  },
  'validation.not-a-decimal': {
    es: 'Fila {row}, columna «{column}»: «{value}» no es un número. Escríbalo como 1.234,56 o 1,234.56 (sin símbolos de moneda ni letras).',
    en: 'Row {row}, column «{column}»: «{value}» is not a number. Write it as 1,234.56 or 1.234,56 (no currency symbols or letters).',
  },
  'validation.not-a-table': {
    es: 'Fila {row}, columna «{column}»: el campo es una tabla y la celda debe traer sus filas como una lista JSON, por ejemplo [{"Producto":"A1","Cantidad":2}]. Corrija la celda.',
    en: 'Row {row}, column «{column}»: the field is a table and the cell must hold its rows as a JSON list, for example [{"Product":"A1","Quantity":2}]. Fix the cell.',
  },
  'validation.not-a-number': {
    es: 'Fila {row}, columna «{column}»: «{value}» no es un número. Escriba solo cifras, con coma o punto decimal y sin separador de miles.',
    en: 'Row {row}, column «{column}»: «{value}» is not a number. Write digits only, with a decimal comma or point and no thousands separator.',
  },
  'validation.value-too-long': {
    es: 'Fila {row}, columna «{column}»: el valor tiene {length} caracteres y el máximo para ese campo es {max}. Acórtelo en el archivo.',
    en: 'Row {row}, column «{column}»: the value has {length} characters and the maximum for that field is {max}. Shorten it in the file.',
  },
  'validation.empty-row': {
    es: 'Fila {row}: todas las celdas de las columnas asignadas están vacías. Complete la fila o elimínela del archivo.',
    en: 'Row {row}: every cell in the mapped columns is empty. Fill in the row or delete it from the file.',
  },
  'validation.constant-invalid': {
    es: 'Fila {row}: el valor fijo «{value}» del campo {field} no es válido. Corríjalo en la plantilla.',
    en: 'Row {row}: the fixed value «{value}» of field {field} is not valid. Correct it in the template.',
  },

  // -- Mapping problems -----------------------------------------------------------------------
  'mapping.required-unmapped': {
    es: 'Falta el campo obligatorio «{labelEs}»: asígnele una columna o defina un valor fijo.',
    en: 'The required field «{labelEn}» is missing: map a column to it or set a fixed value.',
  },
  'mapping.connection-field-missing': {
    es: 'Falta «{labelEs}»: indíquelo en la conexión o defina un valor fijo en la plantilla.',
    en: '«{labelEn}» is missing: set it in the connection or as a fixed value in the template.',
  },
  'mapping.unknown-field': {
    es: 'La columna «{column}» está asignada a «{field}», que no es un campo de este destino; sus valores no se enviarán. Los campos personalizados se escriben con el prefijo «{prefix}» y el nombre exacto del CRM (por ejemplo «{prefix}Ciudad»).',
    en: 'Column «{column}» is mapped to «{field}», which is not a field of this target; its values will not be sent. Custom fields are written with the prefix «{prefix}» and the exact name used in the CRM (for example «{prefix}City»).',
  },
  'mapping.unknown-field-no-custom': {
    es: 'La columna «{column}» está asignada a «{field}», que no es un campo de este destino; sus valores no se enviarán. Este destino no admite campos personalizados.',
    en: 'Column «{column}» is mapped to «{field}», which is not a field of this target; its values will not be sent. This target takes no custom fields.',
  },
  'mapping.unknown-constant-field': {
    es: 'La plantilla da el valor fijo «{value}» a «{field}», que no es un campo de este destino; no se enviará.',
    en: 'The template gives the fixed value «{value}» to «{field}», which is not a field of this target; it will not be sent.',
  },
  'mapping.column-not-in-file': {
    es: 'La plantilla asigna la columna «{column}» a {field}, pero el archivo no tiene esa columna.',
    en: 'The template maps column «{column}» to {field}, but the file has no such column.',
  },
  'mapping.column-matched-loosely': {
    es: 'La plantilla nombra la columna «{column}»; se usa «{found}» del archivo, que solo difiere en mayúsculas, tildes o espacios.',
    en: 'The template names column «{column}»; «{found}» from the file is used, which differs only in case, accents or spaces.',
  },
  'mapping.field-mapped-twice': {
    es: 'Varias columnas van al campo {field} ({columns}): en cada fila se usa la primera que tenga valor.',
    en: 'Several columns go to field {field} ({columns}): in each row the first one with a value is used.',
  },
  'mapping.custom-near-duplicate': {
    es: 'Los campos personalizados «{first}» y «{second}» solo difieren en mayúsculas, espacios o tildes. El CRM los trata como campos distintos: use el nombre exacto que tiene configurado.',
    en: 'The custom fields «{first}» and «{second}» differ only in case, spaces or accents. The CRM treats them as different fields: use the exact name it has configured.',
  },
  'mapping.constant-invalid': {
    es: 'El valor fijo «{value}» de «{labelEs}» no es válido para ese campo.',
    en: 'The fixed value «{value}» of «{labelEn}» is not valid for that field.',
  },
  'mapping.constant-invalid-date': {
    es: 'El valor fijo «{value}» de «{labelEs}» no es una fecha válida. Escríbalo como dd/mm/aaaa o aaaa-mm-dd.',
    en: 'The fixed value «{value}» of «{labelEn}» is not a valid date. Write it as dd/mm/yyyy or yyyy-mm-dd.',
  },
  'mapping.constant-invalid-phone': {
    es: 'El valor fijo «{value}» de «{labelEs}» no es un teléfono válido: escriba solo el número, con al menos 7 dígitos.',
    en: 'The fixed value «{value}» of «{labelEn}» is not a valid phone number: write only the number, with at least 7 digits.',
  },
  'mapping.constant-invalid-email': {
    es: 'El valor fijo «{value}» de «{labelEs}» no parece un correo electrónico (nombre@dominio.com).',
    en: 'The fixed value «{value}» of «{labelEn}» does not look like an e-mail address (name@domain.com).',
  },
  'mapping.constant-not-a-number': {
    es: 'El valor fijo «{value}» de «{labelEs}» no es un número.',
    en: 'The fixed value «{value}» of «{labelEn}» is not a number.',
  },
  'mapping.constant-unknown-system-value': {
    es: 'El valor fijo «{value}» de «{labelEs}» no es un valor que acepte el CRM. Use uno de estos: {allowed}. Si su CRM tiene ese valor, agréguelo a la conexión como estado o prioridad adicional.',
    en: 'The fixed value «{value}» of «{labelEn}» is not a value the CRM accepts. Use one of: {allowed}. If your CRM has that value, add it to the connection as an extra status or priority.',
  },
  'mapping.columns-joined': {
    es: 'Las columnas {columns} van juntas a «{labelEs}»: en cada fila se envían sus valores no vacíos, uno por línea y en ese orden.',
    en: 'Columns {columns} go together to «{labelEn}»: in each row their non-empty values are sent, one per line and in that order.',
  },
  'mapping.constant-too-long': {
    es: 'El valor fijo de «{labelEs}» tiene {length} caracteres y el máximo es {max}.',
    en: 'The fixed value of «{labelEn}» has {length} characters and the maximum is {max}.',
  },

  // -- carga check ----------------------------------------------------------------------------
  'check.heading': {
    es: 'Revisión de {file} para {target}',
    en: 'Check of {file} for {target}',
  },
  'check.mapping-heading': {
    es: 'Problemas de la asignación de columnas:',
    en: 'Problems with the column mapping:',
  },
  'check.mapping-blocks': {
    es: 'Corrija los problemas de la asignación marcados con ✗ antes de cargar.',
    en: 'Fix the mapping problems marked ✗ before loading.',
  },
  'check.rows': {
    es: 'Filas: {total} · listas para enviar: {valid} · con problemas: {invalid}',
    en: 'Rows: {total} · ready to send: {valid} · with problems: {invalid}',
  },
  'check.problems-heading': {
    es: 'Problemas por tipo:',
    en: 'Problems by kind:',
  },
  'check.problem-kind': {
    es: '{title}: {count}',
    en: '{title}: {count}',
  },
  'check.more-examples': {
    es: '… y {count} más de este tipo.',
    en: '… and {count} more of this kind.',
  },
  'check.requests': {
    es: 'Solicitudes necesarias para enviar las filas listas: {requests} ({perRequest} por solicitud).',
    en: 'Requests needed to send the rows that are ready: {requests} ({perRequest} per request).',
  },
  'check.refused-batch-search': {
    es: 'Si el CRM rechaza un lote entero por una sola fila, Carga usa hasta {requests} solicitudes más en ese lote para encontrar y nombrar las filas rechazadas.',
    en: 'If the CRM refuses a whole batch for one row, Carga spends up to {requests} more requests on that batch to find and name the refused rows.',
  },
  'check.all-good': {
    es: 'Todas las filas están listas para enviar.',
    en: 'Every row is ready to send.',
  },
  'check.kind.required-missing': { es: 'Campos obligatorios vacíos', en: 'Required fields empty' },
  'check.kind.invalid-date': { es: 'Fechas no válidas', en: 'Invalid dates' },
  'check.kind.phone-too-short': {
    es: 'Teléfonos con menos de 7 dígitos',
    en: 'Phone numbers with fewer than 7 digits',
  },
  'check.kind.phone-scientific': {
    es: 'Teléfonos en notación científica',
    en: 'Phone numbers in scientific notation',
  },
  'check.kind.invalid-email': { es: 'Correos no válidos', en: 'Invalid e-mail addresses' },
  'check.kind.unknown-system-value': {
    es: 'Valores que el CRM no acepta',
    en: 'Values the CRM does not accept',
  },
  'check.kind.not-a-number': { es: 'Valores que no son números', en: 'Values that are not numbers' },
  'check.kind.ragged-row': {
    es: 'Filas con más o menos celdas que el encabezado',
    en: 'Rows with more or fewer cells than the header',
  },
  'check.kind.value-too-long': { es: 'Valores demasiado largos', en: 'Values too long' },
  'check.kind.phone-invalid': {
    es: 'Teléfonos con letras, símbolos o demasiados dígitos',
    en: 'Phone numbers with letters, symbols or too many digits',
  },
  'check.kind.empty-row': { es: 'Filas vacías', en: 'Empty rows' },
  'check.kind.invalid-typed-value': {
    es: 'Valores que no son del tipo del campo (sí/no, número, tabla)',
    en: "Values not of the field's type (yes/no, number, table)",
  },
} as const satisfies MessageCatalog;
