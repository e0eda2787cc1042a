import type { MessageCatalog, Texts } from './catalog-types';

/** What the operator typed as "server", refused with what to type instead. */
const serverMessages = {
  'crm.server.empty': {
    es: 'Falta el servidor. Escriba el servidor de su cuenta, por ejemplo {example}.',
    en: "The server is missing. Type your account's server, for example {example}.",
  },
  'crm.server.spaces': {
    es: 'El servidor «{server}» tiene espacios. Escríbalo sin espacios, por ejemplo {example}.',
    en: 'The server "{server}" contains spaces. Type it without spaces, for example {example}.',
  },
  'crm.server.scheme': {
    es: '«{server}» empieza por «{scheme}://», que no es una dirección web. Escriba solo el servidor, por ejemplo {example}.',
    en: '"{server}" starts with "{scheme}://", which is not a web address. Type only the server, for example {example}.',
  },
  'crm.server.malformed-scheme': {
    es: '«{server}» tiene un «https://» mal escrito. Escriba solo el servidor, sin https://: {suggestion}',
    en: '"{server}" has a mistyped "https://". Type only the server, without https://: {suggestion}',
  },
  'crm.server.double-scheme': {
    es: '«{server}» repite «https://». Escriba solo el servidor, sin https://: {suggestion}',
    en: '"{server}" repeats "https://". Type only the server, without https://: {suggestion}',
  },
  'crm.server.path': {
    es: '«{server}» incluye una ruta ({path}). Carga arma la dirección completa por usted: escriba solo el servidor, {suggestion}',
    en: '"{server}" includes a path ({path}). Carga builds the full address for you: type only the server, {suggestion}',
  },
  'crm.server.credentials': {
    es: '«{server}» incluye un usuario o una contraseña (antes de «@»). Escriba solo el servidor, {suggestion}; el token se ingresa en su propio campo.',
    en: '"{server}" includes a user name or a password (before "@"). Type only the server, {suggestion}; the token goes in its own field.',
  },
  'crm.server.invalid-port': {
    es: 'El puerto «{port}» de «{server}» no es válido: debe ser un número entre 1 y 65535. Si no conoce el puerto, escriba el servidor sin «:» ni puerto.',
    en: 'The port "{port}" in "{server}" is not valid: it must be a number from 1 to 65535. If you do not know the port, type the server without ":" and a port.',
  },
  'crm.server.invalid-host': {
    es: '«{server}» no es un nombre de servidor válido. Use solo letras, números, guiones y puntos, por ejemplo {example}.',
    en: '"{server}" is not a valid server name. Use only letters, digits, hyphens and dots, for example {example}.',
  },
  'crm.server.incomplete-host': {
    es: '«{server}» está incompleto: le falta el dominio. Escriba el servidor completo, por ejemplo {suggestion}',
    en: '"{server}" is incomplete: the domain is missing. Type the full server, for example {suggestion}',
  },
  'crm.server.number-not-host': {
    es: '«{server}» es un número. Para el CRM escriba el servidor completo, como aparece en la barra de direcciones del navegador al entrar al CRM, por ejemplo {suggestion}',
    en: '"{server}" is a number. For the CRM type the full server, as the browser\'s address bar shows it when you open the CRM, for example {suggestion}',
  },
  'crm.server.moved': {
    es: 'El servidor {server} ya no funciona: los servidores del CRM pasaron de crmvox.com a wolkvox.com. Escriba {suggestion}',
    en: 'The server {server} no longer works: CRM servers moved from crmvox.com to wolkvox.com. Type {suggestion}',
  },
  'crm.server.insecure-http': {
    es: '«{server}» usa http://, que enviaría el token sin cifrar. Carga solo usa http:// con este mismo equipo (localhost). Escriba el servidor sin http://: {suggestion}',
    en: '"{server}" uses http://, which would send the token unencrypted. Carga only uses http:// with this same computer (localhost). Type the server without http://: {suggestion}',
  },
} as const satisfies MessageCatalog;

/** Problems found before a request is built or sent. */
const requestMessages = {
  'crm.http.insecure-url': {
    es: 'Carga no envía solicitudes por http:// a {origin}: el token viajaría sin cifrar. Use https://.',
    en: 'Carga does not send requests over http:// to {origin}: the token would travel unencrypted. Use https://.',
  },
  'crm.http.unsupported-url': {
    es: '«{url}» no es una dirección web http(s) válida.',
    en: '"{url}" is not a valid http(s) web address.',
  },
  'crm.request.missing-operation': {
    es: 'Falta la operación del CRM. Escriba en la conexión el nombre exacto de la operación.',
    en: "The CRM operation is missing. Type the operation's exact name in the connection.",
  },
  'crm.request.missing-module': {
    es: 'Falta el módulo del CRM (por ejemplo contacts). Escríbalo en la conexión.',
    en: 'The CRM module (for example contacts) is missing. Type it in the connection.',
  },
  'crm.request.missing-campaign': {
    es: 'Falta el ID de la campaña. Escríbalo en la conexión: es el número que wolkvox Manager muestra para la campaña.',
    en: 'The campaign ID is missing. Type it in the connection: it is the number wolkvox Manager shows for the campaign.',
  },
  'crm.request.missing-campaign-type': {
    es: 'Falta el tipo de campaña. Elija en la conexión predictive o preview, según cómo se creó la campaña en wolkvox Manager.',
    en: 'The campaign type is missing. Choose predictive or preview in the connection, as the campaign was created in wolkvox Manager.',
  },
  'crm.request.missing-touchpoint': {
    es: 'Falta el touchpoint de Thalamus. Escríbalo en la conexión.',
    en: 'The Thalamus touchpoint is missing. Type it in the connection.',
  },
  'crm.quota.unreadable': {
    es: 'El servidor respondió, pero sin los datos de consumo del token (límite y uso de hoy). Verifique que el servidor y la operación de la conexión sean los correctos.',
    en: "The server answered, but without the token's usage figures (limit and today's use). Check that the connection's server and operation are right.",
  },
} as const satisfies MessageCatalog;

/** Why a request failed and what to do, one per catalogued answer. Each also exists naming the
 * row, the column and the value (see `withPlaceVariants`). */
const explanations = {
  // wolkvox, seed 001: 400
  'crm.wolkvox.api-not-found': {
    es: 'wolkvox dice que la dirección consultada no existe. Suele pasar cuando el servidor de la conexión no es el de su cuenta (por ejemplo, un servidor del CRM en una conexión de wolkvox Manager). Corrija el servidor y reanude el trabajo.',
    en: "wolkvox says the address requested does not exist. This usually means the connection's server is not your account's (for example, a CRM server in a wolkvox Manager connection). Fix the server and resume the job.",
  },
  'crm.wolkvox.parameters-required': {
    es: 'Faltan datos obligatorios en la solicitud. Revise que todos los campos obligatorios estén asignados y que esta fila no tenga esas celdas vacías; en el CRM, revise también la operación de la conexión.',
    en: "Required data is missing from the request. Check that every required field is mapped and that this row has no empty cells for them; for the CRM, check the connection's operation too.",
  },
  // 401
  'crm.wolkvox.token-missing': {
    es: 'La solicitud llegó sin token. Guarde el token en la conexión (en el CRM: Configuración › Integraciones y tokens; en wolkvox Manager: Configuración › Integraciones › Tokens) y reanude el trabajo.',
    en: 'The request arrived without a token. Save the token in the connection (CRM: Settings › Integrations and tokens; wolkvox Manager: Settings › Integrations › Tokens) and resume the job.',
  },
  // 403
  'crm.wolkvox.token-limit': {
    es: 'Se agotó el cupo diario de solicitudes de este token. El trabajo queda en espera hasta que el contador se reinicie y luego sigue solo; si no puede esperar, use otro token o pida a wolkvox un cupo mayor.',
    en: "This token's daily request quota is used up. The job waits until the counter resets and then continues on its own; if you cannot wait, use another token or ask wolkvox for a larger quota.",
  },
  'crm.wolkvox.simultaneous': {
    es: 'El token ya tenía 2 solicitudes en curso, el máximo que permite wolkvox; quizá otro programa o integración usa el mismo token. Esta fila no se procesó: Carga la enviará de nuevo.',
    en: 'The token already had 2 requests in progress, the most wolkvox allows; perhaps another program or integration uses the same token. This row was not processed: Carga will send it again.',
  },
  'crm.wolkvox.token-invalid': {
    es: 'wolkvox no reconoce el token. Verifique que lo copió completo, que es de esta operación y de este servidor, y que no fue eliminado; guarde el token correcto en la conexión y reanude el trabajo.',
    en: 'wolkvox does not recognise the token. Check that you copied all of it, that it belongs to this operation and server, and that it was not deleted; save the right token in the connection and resume the job.',
  },
  'crm.wolkvox.maintenance': {
    es: 'wolkvox está en mantenimiento (por ejemplo, haciendo una copia de seguridad) y por ahora no atiende solicitudes. El trabajo espera y vuelve a probar por sí mismo; no se pierde ninguna fila.',
    en: 'wolkvox is under maintenance (for example, running a backup) and is not taking requests right now. The job waits and tries again by itself; no row is lost.',
  },
  // 404
  'crm.wolkvox.no-records-in-dates': {
    es: 'No hay registros en el rango de fechas enviado. Revise las fechas.',
    en: 'There are no records in the date range sent. Check the dates.',
  },
  'crm.wolkvox.no-data': {
    es: 'wolkvox no encontró datos con los filtros enviados. Revise los valores de la fila.',
    en: "wolkvox found no data for the filters sent. Check the row's values.",
  },
  'crm.wolkvox.agents-incomplete': {
    es: 'No se puede crear el agente porque hay agentes de la operación con información incompleta. Complételos en wolkvox Manager y reintente la fila.',
    en: 'The agent cannot be created because some agents of the operation have incomplete information. Complete them in wolkvox Manager and retry the row.',
  },
  'crm.wolkvox.agent-licenses': {
    es: 'La operación ya usa todas sus licencias de agente. Pida a wolkvox más licencias antes de reanudar el trabajo.',
    en: 'The operation already uses all its agent licenses. Ask wolkvox for more licenses before resuming the job.',
  },
  'crm.wolkvox.agent-not-found': {
    es: 'El agente indicado no existe en la operación. Revise el identificador del agente.',
    en: 'The agent given does not exist in the operation. Check the agent identifier.',
  },
  'crm.wolkvox.code-exists': {
    es: 'El código que intenta registrar ya existe en la operación. Use otro código, o quite la fila si ese registro ya estaba cargado.',
    en: 'The code you are registering already exists in the operation. Use another code, or drop the row if that record was already loaded.',
  },
  'crm.wolkvox.review-params': {
    es: 'wolkvox rechazó un parámetro: algún nombre de campo está mal escrito o algún valor no tiene el formato esperado. Revise que los campos personalizados se llamen exactamente como en el CRM (mayúsculas, espacios y tildes) y que los valores del sistema estén en inglés (open, low, Request).',
    en: 'wolkvox rejected a parameter: a field name is misspelled or a value is not in the expected format. Check that custom fields are named exactly as in the CRM (case, spaces and accents) and that system values are in English (open, low, Request).',
  },
  'crm.wolkvox.review-detail': {
    es: 'wolkvox rechazó un dato de esta fila. Su mensaje (en inglés) dice: «{detail}». Corrija el campo o el valor que nombra y reintente la fila.',
    en: 'wolkvox rejected a value of this row. Its message says: "{detail}". Fix the field or value it names and retry the row.',
  },
  'crm.wolkvox.whatsapp-connector': {
    es: 'El ID enviado no corresponde a un conector de WhatsApp móvil. Revise el identificador del conector y su tipo.',
    en: 'The ID sent is not a mobile WhatsApp connector. Check the connector identifier and its type.',
  },
  'crm.wolkvox.skill-not-found': {
    es: 'El skill {id} no existe en la operación. Revise el identificador del skill.',
    en: 'Skill {id} does not exist in the operation. Check the skill identifier.',
  },
  'crm.wolkvox.campaign-not-found': {
    es: 'La campaña {id} no existe en esta operación de wolkvox Manager. Revise el ID de la campaña y el servidor en la conexión, y reanude el trabajo.',
    en: "Campaign {id} does not exist in this wolkvox Manager operation. Check the connection's campaign ID and server, and resume the job.",
  },
  'crm.wolkvox.campaign-already-started': {
    es: 'La campaña ya estaba iniciada; no se hizo ningún cambio.',
    en: 'The campaign was already started; nothing was changed.',
  },
  'crm.wolkvox.campaign-already-stopped': {
    es: 'La campaña ya estaba detenida; no se hizo ningún cambio.',
    en: 'The campaign was already stopped; nothing was changed.',
  },
  'crm.wolkvox.campaign-not-updated': {
    es: 'La campaña ya tenía esos datos; no se hizo ningún cambio. Revise los datos enviados.',
    en: 'The campaign already had that data; nothing was changed. Check the data sent.',
  },
  'crm.wolkvox.predictive-only': {
    es: 'Esta acción solo se permite en campañas predictivas. Revise el tipo de campaña en la conexión (predictive o preview) y reanude el trabajo.',
    en: "This action is only allowed in predictive campaigns. Check the connection's campaign type (predictive or preview) and resume the job.",
  },
  'crm.wolkvox.not-coded': {
    es: 'No se tipificó ningún registro. Verifique que los datos sean correctos y que el registro exista.',
    en: 'No record was coded. Check that the data is right and that the record exists.',
  },
  'crm.wolkvox.license-cap': {
    es: 'Se enviaron {requested} registros, pero según las licencias activas de la operación solo se pueden cargar {allowed}. Carga divide el lote y lo reenvía en partes de {allowed} como máximo.',
    en: "{requested} records were sent, but the operation's active licenses allow uploading only {allowed}. Carga splits the batch and sends it again in parts of at most {allowed}.",
  },
  'crm.wolkvox.license-cap-zero': {
    es: 'Según las licencias activas de la operación, wolkvox no permite cargar más registros por ahora (se enviaron {requested}). Amplíe las licencias o libere espacio en la campaña y reanude el trabajo.',
    en: "The operation's active licenses allow no more records for now ({requested} were sent). Add licenses or make room in the campaign, and resume the job.",
  },
  'crm.wolkvox.none-added': {
    es: 'wolkvox no agregó ningún registro de este lote porque no aceptó sus datos. Revise los teléfonos (al menos 7 dígitos), las fechas (YYYYMMDDHHIISS) y los demás campos.',
    en: 'wolkvox added no record of this batch because it did not accept their data. Check the phone numbers (at least 7 digits), the dates (YYYYMMDDHHIISS) and the other fields.',
  },
  'crm.wolkvox.partial-added': {
    es: 'wolkvox agregó solo {added} registros de este lote; omitió los demás por errores en sus datos. Revise en wolkvox cuáles faltan antes de reenviarlos, para no duplicar los que sí entraron.',
    en: 'wolkvox added only {added} records of this batch; it skipped the others because of errors in their data. Check in wolkvox which ones are missing before sending them again, so as not to duplicate those that went in.',
  },
  'crm.wolkvox.records-not-deleted': {
    es: 'Los registros de la campaña no se eliminaron: ya se habían eliminado o no existen. Revise los datos enviados.',
    en: 'The campaign records were not deleted: they had already been deleted or do not exist. Check the data sent.',
  },
  // 405
  'crm.wolkvox.method-not-allowed': {
    es: 'Esta dirección de wolkvox solo acepta el método {method}, así que la conexión apunta a otra API. Revise el servidor y el tipo de destino de la conexión, y reanude el trabajo.',
    en: "This wolkvox address only accepts the {method} method, so the connection points at another API. Check the connection's server and target, and resume the job.",
  },
  // 412
  'crm.wolkvox.query-size-limit': {
    es: 'La consulta supera el tamaño máximo de respuesta de wolkvox (200 MB). Reduzca el rango de fechas.',
    en: "The query exceeds wolkvox's maximum response size (200 MB). Narrow the date range.",
  },
  'crm.wolkvox.query-records-limit': {
    es: 'La consulta devuelve más de {limit} registros, el máximo de wolkvox. Reduzca el rango de fechas.',
    en: "The query returns more than {limit} records, wolkvox's maximum. Narrow the date range.",
  },
  'crm.wolkvox.upload-limit': {
    es: 'La solicitud superó el máximo de {allowed} registros por envío. Carga divide el lote y lo reenvía en partes de {allowed} como máximo.',
    en: 'The request exceeded the maximum of {allowed} records per upload. Carga splits the batch and sends it again in parts of at most {allowed}.',
  },
  // 416
  'crm.wolkvox.date-format': {
    es: 'La fecha {field} no tiene el formato que pide wolkvox: YYYYMMDDHHIISS, es decir año, mes, día, hora, minutos y segundos (por ejemplo 20211103164009). Revise el formato de fecha elegido para esa columna en la asignación.',
    en: 'The date {field} is not in the format wolkvox requires: YYYYMMDDHHIISS, that is year, month, day, hour, minutes and seconds (for example 20211103164009). Check the date format chosen for that column in the mapping.',
  },
  'crm.wolkvox.date-order': {
    es: 'La fecha inicial (DATE_INI) es posterior a la final (DATE_END). Corrija el rango para que la inicial sea anterior.',
    en: 'The start date (DATE_INI) is later than the end date (DATE_END). Fix the range so the start comes first.',
  },
  'crm.wolkvox.date-range': {
    es: 'El rango de fechas supera el máximo de {days} día(s) que permite esta API. Acorte el rango.',
    en: 'The date range exceeds the maximum of {days} day(s) this API allows. Shorten the range.',
  },
  // 417
  'crm.wolkvox.whatsapp-template-missing': {
    es: 'La plantilla de WhatsApp indicada no existe. Revise el identificador de la plantilla.',
    en: 'The WhatsApp template given does not exist. Check the template identifier.',
  },
  'crm.wolkvox.whatsapp-no-interaction': {
    es: 'No se ha iniciado una conversación con el cliente. Envíe primero una plantilla aprobada.',
    en: 'No conversation has been started with the customer. Send an approved template first.',
  },
  'crm.wolkvox.whatsapp-no-chat': {
    es: 'No hay un chat activo con el cliente. Envíe primero una plantilla para iniciar la conversación.',
    en: 'There is no active chat with the customer. Send a template first to start the conversation.',
  },
  'crm.wolkvox.whatsapp-no-reply': {
    es: 'El cliente aún no ha respondido el mensaje anterior; no se puede continuar hasta que responda.',
    en: 'The customer has not answered the previous message yet; the conversation cannot go on until they do.',
  },
  'crm.wolkvox.whatsapp-window-expired': {
    es: 'Pasaron más de 24 horas desde la última plantilla enviada y la ventana de conversación se cerró. Envíe una plantilla nueva.',
    en: 'More than 24 hours have passed since the last template was sent and the conversation window closed. Send a new template.',
  },
  'crm.wolkvox.phone-too-short': {
    es: 'El número de teléfono tiene menos de 7 dígitos. Revise el número; si viene de Excel, verifique que no haya perdido ceros a la izquierda ni esté en notación científica.',
    en: 'The phone number has fewer than 7 digits. Check the number; if it comes from Excel, make sure it did not lose leading zeros and is not in scientific notation.',
  },
  'crm.wolkvox.database-unreachable': {
    es: 'wolkvox no pudo conectarse a su base de datos en ese momento. Es temporal: Carga reintentará la fila.',
    en: 'wolkvox could not reach its database at that moment. It is temporary: Carga will retry the row.',
  },
  'crm.wolkvox.whatsapp-template-first': {
    es: 'No se pudo enviar la plantilla porque antes no se había enviado una al cliente. Inicie siempre la conversación con una plantilla aprobada.',
    en: 'The template could not be sent because none had been sent to the customer before. Always start the conversation with an approved template.',
  },
  'crm.wolkvox.record-not-inserted': {
    es: 'wolkvox no pudo guardar el registro por un problema de conexión con su base de datos. Es temporal: Carga reintentará la fila.',
    en: 'wolkvox could not save the record because of a connection problem with its database. It is temporary: Carga will retry the row.',
  },
  'crm.wolkvox.message-server-unreachable': {
    es: 'wolkvox no pudo enviar el mensaje por un problema de conexión con su servidor. Es temporal: Carga reintentará la fila.',
    en: 'wolkvox could not send the message because of a connection problem with its server. It is temporary: Carga will retry the row.',
  },
  'crm.wolkvox.whatsapp-variables': {
    es: 'El mensaje no se envió porque la cantidad de variables no coincide con la que espera la plantilla ({expected}). Revise los parámetros enviados.',
    en: 'The message was not sent because the number of variables does not match what the template expects ({expected}). Check the parameters sent.',
  },
  'crm.wolkvox.message-not-sent': {
    es: 'El mensaje no se envió. Revise el estado del conector de WhatsApp y los datos enviados.',
    en: 'The message was not sent. Check the WhatsApp connector status and the data sent.',
  },
  // Answers that are not in the catalogue.
  'crm.wolkvox.unknown-rejected': {
    es: 'wolkvox rechazó la solicitud con una respuesta que Carga no conoce (código {code}): «{message}». Revise los valores de la fila; si todas las filas fallan igual, detenga el trabajo y consulte con el soporte de wolkvox.',
    en: 'wolkvox rejected the request with an answer Carga does not know (code {code}): "{message}". Check the row\'s values; if every row fails the same way, stop the job and ask wolkvox support.',
  },
  'crm.wolkvox.unknown-forbidden': {
    es: 'wolkvox negó el acceso (código {code}): «{message}». Puede ser un mantenimiento del servidor o un token sin permiso para esta operación. Revise el token y el servidor de la conexión, y reanude el trabajo más tarde.',
    en: 'wolkvox denied access (code {code}): "{message}". The server may be under maintenance, or the token may lack permission for this operation. Check the connection\'s token and server, and resume the job later.',
  },
  'crm.wolkvox.unknown-stop': {
    es: 'wolkvox respondió algo inesperado (código {code}): «{message}». Carga detuvo el trabajo para no perder filas. Revise el servidor y la operación de la conexión, y reanude el trabajo.',
    en: 'wolkvox answered something unexpected (code {code}): "{message}". Carga stopped the job so as not to lose rows. Check the connection\'s server and operation, and resume the job.',
  },

  'crm.wolkvox.contact-not-found': {
    es: 'El contacto «{contact}» no existe en la operación del CRM, y un caso solo se crea para un contacto que ya existe. Cree primero el contacto (en Resultados, «Crear los contactos que faltan» los carga desde estas filas y reintenta los casos) o corrija el contacto de la fila.',
    en: 'The contact "{contact}" does not exist in the CRM operation, and a case can only be created for an existing contact. Create the contact first (in Results, "Create the missing contacts" loads them from these rows and retries the cases) or fix the row\'s contact.',
  },
  'crm.wolkvox.status-not-valid': {
    es: 'El CRM no acepta «{value}» como estado del caso; acepta: {allowed}. Si su archivo llama a ese estado de otra forma, indique en qué se convierte en «Valores a traducir» del paso Asignar (en la plantilla, su mapa de valores de status), o corrija la celda.',
    en: 'The CRM does not accept "{value}" as the case status; it accepts: {allowed}. If your file calls that status something else, say what it becomes under "Values to translate" in the Map step (in the template, your value map of status), or fix the cell.',
  },
  'crm.wolkvox.priority-not-valid': {
    es: 'El CRM no acepta «{value}» como prioridad del caso; acepta: {allowed}. Si su archivo llama a esa prioridad de otra forma, indique en qué se convierte en «Valores a traducir» del paso Asignar (en la plantilla, su mapa de valores de priority), o corrija la celda.',
    en: 'The CRM does not accept "{value}" as the case priority; it accepts: {allowed}. If your file calls that priority something else, say what it becomes under "Values to translate" in the Map step (in the template, your value map of priority), or fix the cell.',
  },

  // The details of `REVIEW THE ERROR MESSAGE…`, each with the advice that fits it.
  'crm.wolkvox.responsible-not-found': {
    es: 'El usuario responsable «{user}» no existe en la operación del CRM. Escríbalo como aparece en la columna «Correo wolkvox» de la lista de usuarios del CRM (por ejemplo usuario@operacion) y reintente la fila.',
    en: 'The responsible user "{user}" does not exist in the CRM operation. Write it as the "Correo wolkvox" column of the CRM\'s user list shows it (for example user@operation) and retry the row.',
  },
  'crm.wolkvox.owner-not-found': {
    es: 'El usuario propietario «{user}» no existe en la operación del CRM. Escríbalo como aparece en la columna «Correo wolkvox» de la lista de usuarios del CRM (por ejemplo usuario@operacion) y reintente la fila.',
    en: 'The owner user "{user}" does not exist in the CRM operation. Write it as the "Correo wolkvox" column of the CRM\'s user list shows it (for example user@operation) and retry the row.',
  },
  'crm.wolkvox.case-type-not-found': {
    es: 'El tipo de caso «{value}» no existe en la operación. Use Request, Complaints, Claims, Suggestions o un tipo creado en su CRM; si su archivo los trae en español (Solicitud, Queja…), tradúzcalos en el mapa de valores del paso Asignar.',
    en: 'The case type "{value}" does not exist in the operation. Use Request, Complaints, Claims, Suggestions or a type created in your CRM; if your file has them in Spanish (Solicitud, Queja…), translate them in the value map of the Map step.',
  },
  'crm.wolkvox.custom-field-not-found': {
    es: 'El campo personalizado «{name}» no existe en el módulo de casos del CRM. En el paso Asignar, escriba su nombre exactamente como en el CRM (mayúsculas, espacios y tildes), o quite esa columna de la asignación.',
    en: 'The custom field "{name}" does not exist in the CRM\'s cases module. In the Map step, write its name exactly as in the CRM (case, spaces and accents), or take that column out of the mapping.',
  },
  'crm.wolkvox.module-field-not-found': {
    es: 'El campo «{name}» no existe en el módulo «{module}» del CRM. En el paso Asignar, escriba su nombre exactamente como en el CRM (mayúsculas, espacios y tildes), o quite esa columna de la asignación.',
    en: 'The field "{name}" does not exist in the CRM\'s "{module}" module. In the Map step, write its name exactly as in the CRM (case, spaces and accents), or take that column out of the mapping.',
  },
  'crm.wolkvox.field-user-not-found': {
    es: 'El usuario «{user}» del campo «{name}» no existe en la operación del CRM. Corrija la celda con un usuario de la lista de usuarios del CRM.',
    en: 'The user "{user}" of the field "{name}" does not exist in the CRM operation. Fix the cell with a user from the CRM\'s user list.',
  },
  'crm.wolkvox.field-value-shape': {
    es: 'El CRM no acepta el valor del campo «{name}» con esa forma: ese campo es de un tipo especial (dirección, búsqueda, relación o tabla) o pide texto. Declare su tipo en el paso Asignar o corrija la celda.',
    en: 'The CRM does not accept the value of the field "{name}" in that shape: the field is of a special type (address, search, relationship or table) or takes text. Declare its type in the Map step or fix the cell.',
  },
  'crm.wolkvox.field-too-large': {
    es: 'El valor de «{name}» supera el tamaño que acepta el CRM ({limit}). Acorte la celda y reintente la fila.',
    en: 'The value of "{name}" is larger than the CRM accepts ({limit}). Shorten the cell and retry the row.',
  },
  'crm.wolkvox.operation-not-found': {
    es: 'La operación «{operation}» no existe en el CRM o no es la de este token. Escriba en la conexión el nombre exacto de la operación y reanude el trabajo.',
    en: 'The operation "{operation}" does not exist in the CRM or is not this token\'s. Type the operation\'s exact name in the connection and resume the job.',
  },
  'crm.wolkvox.module-not-found': {
    es: 'El módulo «{module}» no existe en la operación del CRM. Escriba en la conexión el nombre del módulo tal como aparece en el CRM (por ejemplo contacts) y reanude el trabajo.',
    en: 'The module "{module}" does not exist in the CRM operation. Type the module\'s name in the connection as the CRM shows it (for example contacts) and resume the job.',
  },
  'crm.wolkvox.form-not-object': {
    es: 'El CRM no pudo leer los campos personalizados de la fila. Revise que sus nombres en el paso Asignar no tengan caracteres extraños y reintente la fila.',
    en: "The CRM could not read the row's custom fields. Check that their names in the Map step have no odd characters and retry the row.",
  },

  // Any target: answers that are not what the API sends.
  'crm.response.temporary': {
    es: 'El servidor tuvo un problema temporal (código {code}). Carga reintentará la fila en unos momentos.',
    en: 'The server had a temporary problem (code {code}). Carga will retry the row shortly.',
  },
  'crm.response.too-many-requests': {
    es: 'El servidor pidió bajar el ritmo (código {code}). La fila no se procesó: Carga esperará y la enviará de nuevo.',
    en: 'The server asked to slow down (code {code}). The row was not processed: Carga will wait and send it again.',
  },
  'crm.response.unconfirmed': {
    es: 'El servidor respondió con el código {code}, pero no con la respuesta esperada, así que Carga no puede confirmar que el registro se creó. Verifique en el CRM si existe antes de reenviar la fila.',
    en: 'The server answered with code {code} but not with the expected answer, so Carga cannot confirm the record was created. Check in the CRM whether it exists before sending the row again.',
  },
  'crm.response.success-with-error': {
    es: 'El servidor respondió con éxito (código {code}) pero también con un error: «{message}». Carga no puede confirmar que el registro se creó: verifíquelo en el CRM antes de reenviar la fila.',
    en: 'The server answered success (code {code}) but also an error: "{message}". Carga cannot confirm the record was created: check in the CRM before sending the row again.',
  },
  'crm.response.not-api': {
    es: 'El servidor respondió con una página que no es la API (código {code}). Revise el servidor de la conexión; si es correcto, el servicio puede estar en mantenimiento: reanude el trabajo más tarde.',
    en: "The server answered with a page that is not the API (code {code}). Check the connection's server; if it is right, the service may be under maintenance: resume the job later.",
  },

  // The network.
  'crm.network.refused': {
    es: 'El servidor rechazó la conexión y la solicitud no llegó a enviarse. Carga reintentará; si se repite, revise el servidor y el puerto de la conexión.',
    en: "The server refused the connection and the request was not sent. Carga will retry; if it happens again, check the connection's server and port.",
  },
  'crm.network.dns': {
    es: 'No se encontró el servidor en internet y la solicitud no llegó a enviarse. Revise que el servidor esté bien escrito y que haya conexión a internet. Carga reintentará.',
    en: 'The server could not be found on the internet and the request was not sent. Check that the server is spelled right and that you are online. Carga will retry.',
  },
  'crm.network.connect-timeout': {
    es: 'No se pudo conectar con el servidor a tiempo y la solicitud no llegó a enviarse. Carga reintentará; si se repite, revise su conexión a internet o el firewall.',
    en: 'The server could not be reached in time and the request was not sent. Carga will retry; if it happens again, check your internet connection or firewall.',
  },
  'crm.network.tls': {
    es: 'No se pudo verificar el certificado de seguridad del servidor ({code}), y Carga no envía el token a un servidor que no puede verificar. Revise el servidor de la conexión; en una red corporativa, consulte con TI si un proxy intercepta las conexiones.',
    en: "The server's security certificate could not be verified ({code}), and Carga does not send the token to a server it cannot verify. Check the connection's server; on a corporate network, ask IT whether a proxy intercepts connections.",
  },
  'crm.network.not-sent': {
    es: 'La conexión falló antes de enviar la solicitud ({code}); no llegó nada al servidor. Carga reintentará.',
    en: 'The connection failed before the request was sent ({code}); nothing reached the server. Carga will retry.',
  },
  'crm.network.invalid-request': {
    es: 'No se pudo armar la solicitud ({code}): algún dato de la conexión, por ejemplo el token, tiene caracteres no válidos como saltos de línea. Vuelva a copiar el token en la conexión y reanude el trabajo.',
    en: 'The request could not be built ({code}): some connection data, for example the token, has invalid characters such as line breaks. Copy the token into the connection again and resume the job.',
  },
  'crm.network.timeout-after-send': {
    es: 'La solicitud se envió, pero el servidor no respondió a tiempo. Puede que el registro sí se haya creado: verifíquelo en el CRM antes de reenviar la fila, para no duplicarlo.',
    en: 'The request was sent, but the server did not answer in time. The record may have been created: check in the CRM before sending the row again, so as not to duplicate it.',
  },
  'crm.network.dropped-after-send': {
    es: 'La conexión se cortó después de enviar la solicitud ({code}). Puede que el registro sí se haya creado: verifíquelo en el CRM antes de reenviar la fila, para no duplicarlo.',
    en: 'The connection dropped after the request was sent ({code}). The record may have been created: check in the CRM before sending the row again, so as not to duplicate it.',
  },
  'crm.network.response-too-large': {
    es: 'La respuesta del servidor superó el tamaño máximo que Carga lee, así que no se pudo confirmar el resultado. Verifique en el CRM si el registro existe antes de reenviar la fila.',
    en: "The server's answer exceeded the largest size Carga reads, so the result could not be confirmed. Check in the CRM whether the record exists before sending the row again.",
  },
  'crm.network.cancelled-before-send': {
    es: 'La solicitud se canceló antes de enviarse; la fila sigue pendiente.',
    en: 'The request was cancelled before it was sent; the row is still pending.',
  },
  'crm.network.cancelled-after-send': {
    es: 'La solicitud se canceló después de enviarse. Puede que el registro sí se haya creado: verifíquelo en el CRM antes de reenviar la fila.',
    en: 'The request was cancelled after it was sent. The record may have been created: check in the CRM before sending the row again.',
  },

  // Thalamus: the codes of a 400's `errors` object.
  'crm.thalamus.code-required': {
    es: 'Falta el código de la categoría o del tipo ({field}). Asigne las columnas Categoría y Tipo, o elija un valor fijo de la lista de Thalamus en el paso Asignar.',
    en: 'The category or type code is missing ({field}). Map the Category and Type columns, or choose a fixed value from the Thalamus list in the Map step.',
  },
  'crm.thalamus.invalid-code': {
    es: 'La pareja de categoría y tipo no existe en Thalamus, o el touchpoint no puede usarla ({field}). Elija una pareja válida de la lista que Carga lee de Thalamus (paso Asignar, mapa de valores) o pida al administrador que dé permiso al touchpoint.',
    en: 'That category and type pair does not exist in Thalamus, or the touchpoint may not use it ({field}). Choose a valid pair from the list Carga reads from Thalamus (Map step, value map) or ask the administrator to allow it for the touchpoint.',
  },
  'crm.thalamus.invalid-name': {
    es: 'El nombre del estado o de la resolución no existe en Thalamus ({field}). Use uno de los nombres de la lista de estados de Thalamus, por ejemplo el estado inicial de sus casos.',
    en: "That status or resolution name does not exist in Thalamus ({field}). Use one of the names in Thalamus's status list, for example your cases' initial status.",
  },
  'crm.thalamus.initial-status': {
    es: 'El estado enviado no es un estado inicial ({field}); un caso nuevo solo puede crearse en un estado inicial. Asigne la columna de estado, o un valor fijo, con un estado marcado como inicial en Thalamus.',
    en: 'The status sent is not an initial status ({field}); a new case can only be created in an initial status. Map the status column, or set a fixed value, with a status marked initial in Thalamus.',
  },
  'crm.thalamus.initial-resolution': {
    es: 'La resolución enviada no es una resolución inicial ({field}). Deje la resolución vacía para los casos nuevos, o use una marcada como inicial en Thalamus.',
    en: 'The resolution sent is not an initial resolution ({field}). Leave the resolution empty for new cases, or use one marked initial in Thalamus.',
  },
  'crm.thalamus.system-node': {
    es: 'La categoría es un nodo del sistema y no se puede usar para casos nuevos ({field}). Elija una categoría que esté debajo de ella en la lista de Thalamus.',
    en: 'The category is a system node and cannot be used for new cases ({field}). Choose a category below it in the Thalamus list.',
  },
  'crm.thalamus.invalid-value': {
    es: 'Thalamus no acepta el valor del campo «{field}». Revise el tipo declarado de ese campo en la plantilla (texto, sí/no, número, decimal o fecha) y corrija la celda.',
    en: 'Thalamus does not accept the value of the field "{field}". Check the type declared for that field in the template (text, yes/no, number, decimal or date) and fix the cell.',
  },
  'crm.thalamus.unknown-error': {
    es: 'Thalamus rechazó el campo {field} con el código «{error}», que Carga no conoce. Revise ese valor.',
    en: 'Thalamus rejected the field {field} with the code "{error}", which Carga does not know. Check that value.',
  },
  'crm.thalamus.rejected': {
    es: 'Thalamus rechazó la solicitud (código {code}): «{message}». Revise los valores de la fila.',
    en: 'Thalamus rejected the request (code {code}): "{message}". Check the row\'s values.',
  },
  'crm.thalamus.unauthorized': {
    es: 'Thalamus no autorizó la solicitud (código {code}): el token o el touchpoint no son válidos, o el touchpoint no tiene permiso para crear casos. Revise el token y el touchpoint de la conexión y reanude el trabajo.',
    en: "Thalamus did not authorise the request (code {code}): the token or the touchpoint is not valid, or the touchpoint may not create cases. Check the connection's token and touchpoint and resume the job.",
  },
  'crm.thalamus.party-refused': {
    es: 'Thalamus no dejó iniciar sesión a la parte del caso (código {code}): el cliente u operador no existe, o su contraseña no es la guardada. Revise la columna o el valor de la parte (correo, usuario, documento como tipo$número o celular) y la contraseña de la parte en la conexión, y reanude el trabajo.',
    en: "Thalamus did not let the case's party log in (code {code}): the customer or operator does not exist, or their password is not the one saved. Check the party column or value (e-mail, user name, document as type$number, or cellphone) and the party password in the connection, and resume the job.",
  },
  'crm.thalamus.party-cannot-log-in': {
    es: 'Esta parte no puede iniciar sesión en Thalamus: otras partes del trabajo sí entraron, así que el problema es de esta (no existe, o su contraseña no es la guardada). Corrija la parte de la fila y reintente.',
    en: "This party cannot log in to Thalamus: other parties of the job did, so the problem is this one (it does not exist, or its password is not the one saved). Fix the row's party and retry.",
  },
} as const satisfies MessageCatalog;

/** The suffixes of an explanation that names where the failure happened. */
export const PLACE_SUFFIXES = { row: '.at-row', cell: '.at-cell', value: '.at-value' } as const;

type PlaceVariants<T> = {
  [K in keyof T & string as `${K}${(typeof PLACE_SUFFIXES)[keyof typeof PLACE_SUFFIXES]}`]: Texts;
};

/** Each explanation also as "Row 12, column "Ciudad", value "Cali". …": a message has one code,
 * so the place is part of the text rather than a second message. */
function withPlaceVariants<T extends MessageCatalog>(base: T): T & PlaceVariants<T> {
  const all: MessageCatalog = { ...base };
  for (const [code, texts] of Object.entries(base)) {
    all[code + PLACE_SUFFIXES.row] = { es: `Fila {row}. ${texts.es}`, en: `Row {row}. ${texts.en}` };
    all[code + PLACE_SUFFIXES.cell] = {
      es: `Fila {row}, columna «{column}». ${texts.es}`,
      en: `Row {row}, column "{column}". ${texts.en}`,
    };
    all[code + PLACE_SUFFIXES.value] = {
      es: `Fila {row}, columna «{column}», valor «{value}». ${texts.es}`,
      en: `Row {row}, column "{column}", value "{value}". ${texts.en}`,
    };
  }
  return all as T & PlaceVariants<T>;
}

export type CrmExplanationCode = keyof typeof explanations;

export const crmMessages = {
  ...serverMessages,
  ...requestMessages,
  ...withPlaceVariants(explanations),
} satisfies MessageCatalog;
