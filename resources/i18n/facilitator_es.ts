<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Could not open the event</source>
        <translation>No se pudo abrir el evento</translation>
    </message>
    <message>
        <source>Restored as before: {what}</source>
        <translation>Restablecido como antes: {what}</translation>
    </message>
    <message>
        <source>The event file could not be read or written: {error}</source>
        <translation>No se pudo leer ni escribir el archivo del evento: {error}</translation>
    </message>
    <message>
        <source>Something went wrong ({error}). Everything done before this was saved; if it happens again, restart facilitator.</source>
        <translation>Algo salió mal ({error}). Todo lo hecho antes se guardó; si vuelve a ocurrir, reinicie facilitator.</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Problema inesperado</translation>
    </message>
    <message>
        <source>The last event file is not there</source>
        <translation>No se encuentra el último archivo del evento</translation>
    </message>
    <message>
        <source>{last} could not be found: it may be on a USB stick or a network drive that is not connected. Opened instead: {chosen}. To go back to it, connect the drive and choose it under File › Open recent.</source>
        <translation>No se encuentra {last}: quizá esté en una memoria USB o una unidad de red que no está conectada. Se abrió en su lugar: {chosen}. Para volver a él, conecte la unidad y elíjalo en Archivo › Abrir reciente.</translation>
    </message>
</context>
<context>
    <name>BurstFlag</name>
    <message>
        <source>Burst from one address: {count} vote attempts in a minute on “{question}” from phones that had just joined, all from {address}. A hall on one network can do this; a prankster can too.</source>
        <translation>Ráfaga desde una sola dirección: {count} intentos de voto en un minuto a «{question}» de teléfonos que acababan de unirse, todos desde {address}. Una sala en una misma red puede hacerlo; un bromista también.</translation>
    </message>
    <message>
        <source>Burst from one address: {address} tried to add more new phones than a hall arriving would ({count} turned away in a minute).</source>
        <translation>Ráfaga desde una sola dirección: {address} intentó añadir más teléfonos nuevos de los que añadiría una sala al llegar ({count} rechazados en un minuto).</translation>
    </message>
</context>
<context>
    <name>ClockFace</name>
    <message>
        <source>PLEASE CONCLUDE</source>
        <translation>POR FAVOR, CONCLUYA</translation>
    </message>
    <message>
        <source>OVER TIME</source>
        <translation>TIEMPO EXCEDIDO</translation>
    </message>
    <message>
        <source>The speaker&apos;s countdown</source>
        <translation>La cuenta atrás del orador/a</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>Nadie habla</translation>
    </message>
</context>
<context>
    <name>CountedWords</name>
    <message numerus="yes">
        <source>%n min behind</source>
        <translation>
            <numerusform>%n min de retraso</numerusform>
            <numerusform>%n min de retraso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ahead</source>
        <translation>
            <numerusform>%n min de adelanto</numerusform>
            <numerusform>%n min de adelanto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n MIN LEFT</source>
        <translation>
            <numerusform>QUEDA %n MIN</numerusform>
            <numerusform>QUEDAN %n MIN</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets, UTF-8 (*.csv)</source>
        <translation>CSV para hojas de cálculo, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>&amp;Agenda…</source>
        <translation>&amp;Programa…</translation>
    </message>
    <message>
        <source>&amp;Questions of this session…</source>
        <translation>Pre&amp;guntas de esta sesión…</translation>
    </message>
    <message>
        <source>&amp;Notes of this session…</source>
        <translation>&amp;Notas de esta sesión…</translation>
    </message>
    <message>
        <source>&amp;Timing log of this session…</source>
        <translation>&amp;Tiempos de esta sesión…</translation>
    </message>
    <message>
        <source>&amp;Poll results of this session…</source>
        <translation>Resultados de &amp;encuestas de esta sesión…</translation>
    </message>
    <message>
        <source>&amp;Summary of this session (Markdown)…</source>
        <translation>&amp;Resumen de esta sesión (Markdown)…</translation>
    </message>
    <message>
        <source>&amp;Whole-event report (PDF)…</source>
        <translation>&amp;Informe de todo el evento (PDF)…</translation>
    </message>
    <message>
        <source>Summary of this session (&amp;Word)…</source>
        <translation>Resumen de esta sesión (&amp;Word)…</translation>
    </message>
    <message>
        <source>Whole-event report (W&amp;ord)…</source>
        <translation>Informe de todo el evento (W&amp;ord)…</translation>
    </message>
    <message>
        <source>&amp;Combine event files…</source>
        <translation>&amp;Combinar archivos de evento…</translation>
    </message>
    <message>
        <source>Report &amp;language</source>
        <translation>&amp;Idioma de los informes</translation>
    </message>
    <message>
        <source>Could not change the report language</source>
        <translation>No se pudo cambiar el idioma de los informes</translation>
    </message>
    <message>
        <source>Export the agenda</source>
        <translation>Exportar el programa</translation>
    </message>
    <message>
        <source>Export the questions</source>
        <translation>Exportar las preguntas</translation>
    </message>
    <message>
        <source>Export the notes</source>
        <translation>Exportar las notas</translation>
    </message>
    <message>
        <source>Export the timing log</source>
        <translation>Exportar los tiempos</translation>
    </message>
    <message>
        <source>Export the poll results</source>
        <translation>Exportar los resultados de las encuestas</translation>
    </message>
    <message>
        <source>Export the summary</source>
        <translation>Exportar el resumen</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Documento de Word (*.docx)</translation>
    </message>
    <message>
        <source>Export the whole-event report</source>
        <translation>Exportar el informe de todo el evento</translation>
    </message>
    <message>
        <source>Combine event files</source>
        <translation>Combinar archivos de evento</translation>
    </message>
    <message>
        <source>Save the forum report</source>
        <translation>Guardar el informe del foro</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>No se pudo exportar</translation>
    </message>
</context>
<context>
    <name>ExportWriter</name>
    <message>
        <source>Writing {file}…</source>
        <translation>Escribiendo {file}…</translation>
    </message>
</context>
<context>
    <name>FloorPanel</name>
    <message>
        <source>Floor requests from phones</source>
        <translation>Solicitudes de palabra desde teléfonos</translation>
    </message>
    <message>
        <source>Take requests</source>
        <translation>Aceptar solicitudes</translation>
    </message>
    <message>
        <source>Delegates ask for the floor on the phone page (the same join link as questions) while the session is open to phones.</source>
        <translation>Los delegados piden la palabra en la página del teléfono (el mismo enlace que para las preguntas) mientras la sesión está abierta a los teléfonos.</translation>
    </message>
    <message>
        <source>Speaking times…</source>
        <translation>Tiempos de palabra…</translation>
    </message>
    <message>
        <source>Accept next (A)</source>
        <translation>Aceptar la siguiente (A)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>On behalf of</source>
        <translation>En nombre de</translation>
    </message>
    <message>
        <source>Waiting since</source>
        <translation>Esperando desde</translation>
    </message>
    <message>
        <source>Up and Down choose a request; Enter accepts it, Delete declines it.</source>
        <translation>Arriba y Abajo eligen una petición; Intro la acepta, Supr la rechaza.</translation>
    </message>
    <message>
        <source>Accept the chosen floor request</source>
        <translation>Aceptar la petición de palabra elegida</translation>
    </message>
    <message>
        <source>Decline the chosen floor request</source>
        <translation>Rechazar la petición de palabra elegida</translation>
    </message>
    <message>
        <source>Could not read the floor requests</source>
        <translation>No se pudieron leer las solicitudes de palabra</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en espera</numerusform>
            <numerusform>%n en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Rechazar</translation>
    </message>
</context>
<context>
    <name>FloorTimesDialog</name>
    <message>
        <source>Speaking times for floor requests</source>
        <translation>Tiempos de palabra de las solicitudes del público</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Run live panel sessions on-site: speakers list and clock, audience questions from phones over the venue network, rapporteur notes and a printed summary.</source>
        <translation>Dirija sesiones de panel en el lugar: lista de oradores y reloj, preguntas del público desde sus teléfonos a través de la red del lugar, notas de los relatores y resumen impreso.</translation>
    </message>
    <message>
        <source>Event files (*.db);;All files (*)</source>
        <translation>Archivos de evento (*.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Detalles</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>&amp;Preguntas</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Nuevo evento…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>Guardar una &amp;copia…</translation>
    </message>
    <message>
        <source>&amp;Import agenda…</source>
        <translation>&amp;Importar programa…</translation>
    </message>
    <message>
        <source>Polls</source>
        <translation>Encuestas</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportado a {path}</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Add session</source>
        <translation>&amp;Añadir sesión</translation>
    </message>
    <message>
        <source>&amp;Remove session</source>
        <translation>&amp;Quitar sesión</translation>
    </message>
    <message>
        <source>&amp;Team links…</source>
        <translation>Enlaces del &amp;equipo…</translation>
    </message>
    <message>
        <source>&amp;Quick start</source>
        <translation>&amp;Guía rápida</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About facilitator</source>
        <translation>A&amp;cerca de facilitator</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Edi&amp;ción</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nuevo evento</translation>
    </message>
    <message>
        <source>Could not create the event</source>
        <translation>No se pudo crear el evento</translation>
    </message>
    <message>
        <source>Open event</source>
        <translation>Abrir evento</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
    <message>
        <source>Could not save a copy</source>
        <translation>No se pudo guardar una copia</translation>
    </message>
    <message>
        <source>Saved a copy to {path}</source>
        <translation>Copia guardada en {path}</translation>
    </message>
    <message>
        <source>Import agenda</source>
        <translation>Importar programa</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Importando {file}…</translation>
    </message>
    <message>
        <source>Remove the session “{title}” with its speakers, questions and notes?
Edit › Undo brings it back while this window is open.</source>
        <translation>¿Eliminar la sesión «{title}» con sus oradores, preguntas y notas?
Edición › Deshacer la recupera mientras esta ventana siga abierta.</translation>
    </message>
    <message>
        <source>Imported {file}: {summary}</source>
        <translation>{file} importado: {summary}</translation>
    </message>
    <message>
        <source>Agenda (*.json *.csv *.tsv *.xlsx *.ods *.xls);;All files (*)</source>
        <translation>Programa (*.json *.csv *.tsv *.xlsx *.ods *.xls);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{path} is still being written: it is not started twice</source>
        <translation>{path} todavía se está escribiendo: no se inicia dos veces</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Undo: {action}</source>
        <translation>Deshacer: {action}</translation>
    </message>
    <message>
        <source>Redo: {action}</source>
        <translation>Rehacer: {action}</translation>
    </message>
    <message>
        <source>1 speaking slot</source>
        <translation>1 turno de palabra</translation>
    </message>
    <message numerus="yes">
        <source>%n speaking slots</source>
        <translation>
            <numerusform>%n turno de palabra</numerusform>
            <numerusform>%n turnos de palabra</numerusform>
        </translation>
    </message>
    <message>
        <source>{slots} in 1 session</source>
        <translation>{slots} en 1 sesión</translation>
    </message>
    <message numerus="yes">
        <source>{slots} in %n sessions</source>
        <translation>
            <numerusform>{slots} en %n sesión</numerusform>
            <numerusform>{slots} en %n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>1 session added, {updated} updated, {slots}</source>
        <translation>1 sesión añadida, actualizadas: {updated}, {slots}</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions added, {updated} updated, {slots}</source>
        <translation>
            <numerusform>%n sesión añadida, actualizadas: {updated}, {slots}</numerusform>
            <numerusform>%n sesiones añadidas, actualizadas: {updated}, {slots}</numerusform>
        </translation>
    </message>
    <message>
        <source>{summary}; hidden rows could not be told apart: every row was imported</source>
        <translation>{summary}; no se pudieron reconocer las filas ocultas: se importaron todas las filas</translation>
    </message>
    <message>
        <source>1 hidden row left out</source>
        <translation>1 fila oculta omitida</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden rows left out</source>
        <translation>
            <numerusform>%n fila oculta omitida</numerusform>
            <numerusform>%n filas ocultas omitidas</numerusform>
        </translation>
    </message>
    <message>
        <source>{summary}, {hidden}</source>
        <translation>{summary}, {hidden}</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>Quitar sesión</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>The language changes the next time facilitator starts.</source>
        <translation>El idioma cambia la próxima vez que se inicie facilitator.</translation>
    </message>
    <message>
        <source>About facilitator</source>
        <translation>Acerca de facilitator</translation>
    </message>
    <message>
        <source>{name} is speaking ({session}).</source>
        <translation>{name} está hablando ({session}).</translation>
    </message>
    <message>
        <source>{name}&apos;s turn is paused ({session}).</source>
        <translation>El turno de {name} está en pausa ({session}).</translation>
    </message>
    <message>
        <source>Questions are open: phones lose the connection until facilitator runs again.</source>
        <translation>Las preguntas están abiertas: los teléfonos pierden la conexión hasta que facilitator vuelva a abrirse.</translation>
    </message>
    <message>
        <source>The team&apos;s links are served: their devices lose the connection until facilitator runs again.</source>
        <translation>Los enlaces del equipo están activos: sus dispositivos pierden la conexión hasta que facilitator vuelva a ejecutarse.</translation>
    </message>
    <message>
        <source>Quit facilitator?</source>
        <translation>¿Salir de facilitator?</translation>
    </message>
    <message>
        <source>Everything is saved; the clocks go on counting and are shown again when you reopen the event. Quit now?</source>
        <translation>Todo está guardado; los relojes siguen contando y se muestran de nuevo al reabrir el evento. ¿Salir ahora?</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>Pro&amp;grama</translation>
    </message>
    <message>
        <source>Agenda: sessions of the event</source>
        <translation>Programa: sesiones del evento</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>Añadir sesión</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>S&amp;esión</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge questions</source>
        <translation>Combinar preguntas</translation>
    </message>
    <message>
        <source>Choose the question to keep (↑ ↓). The others are merged into it: their askers and votes join it, each phone counted once.</source>
        <translation>Elija la pregunta que se conserva (↑ ↓). Las demás se unen a ella: sus autores y votos pasan a ella, cada teléfono contado una vez.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Unir</translation>
    </message>
    <message>
        <source>1 vote</source>
        <translation>1 voto</translation>
    </message>
    <message numerus="yes">
        <source>%n votes</source>
        <translation>
            <numerusform>%n voto</numerusform>
            <numerusform>%n votos</numerusform>
        </translation>
    </message>
    <message>
        <source>to {name}</source>
        <translation>para {name}</translation>
    </message>
    <message>
        <source>from {name}</source>
        <translation>de {name}</translation>
    </message>
    <message>
        <source>After merging: #{number} with 1 vote.</source>
        <translation>Tras unir: n.º {number} con 1 voto.</translation>
    </message>
    <message numerus="yes">
        <source>After merging: #{number} with %n votes, each phone once.</source>
        <translation>
            <numerusform>Tras unir: n.º {number} con %n voto, cada teléfono una vez.</numerusform>
            <numerusform>Tras unir: n.º {number} con %n votos, cada teléfono una vez.</numerusform>
        </translation>
    </message>
    <message>
        <source>Addressed to {name}.</source>
        <translation>Dirigida a {name}.</translation>
    </message>
    <message>
        <source>Asked by {name}.</source>
        <translation>Formulada por {name}.</translation>
    </message>
    <message>
        <source>Asked anonymously.</source>
        <translation>Formulada de forma anónima.</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Please conclude</source>
        <translation>Por favor, concluya</translation>
    </message>
    <message>
        <source>One minute</source>
        <translation>Un minuto</translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation>Se acabó el tiempo</translation>
    </message>
    <message>
        <source>Please speak closer to the microphone</source>
        <translation>Por favor, hable más cerca del micrófono</translation>
    </message>
    <message>
        <source>Please slow down for the interpreters</source>
        <translation>Por favor, hable más despacio para los intérpretes</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Gracias</translation>
    </message>
    <message>
        <source>Message to the speaker</source>
        <translation>Mensaje al orador/a</translation>
    </message>
    <message>
        <source>&amp;Blink</source>
        <translation>&amp;Parpadear</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;Clear message</source>
        <translation>&amp;Borrar mensaje</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Mensaje</translation>
    </message>
</context>
<context>
    <name>ModerationPanel</name>
    <message>
        <source>Could not read the questions</source>
        <translation>No se pudieron leer las preguntas</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation>Ordenar&#xa0;por:</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votos</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Approve automatically</source>
        <translation>Autoaprobar</translation>
    </message>
    <message>
        <source>New questions go straight to the phones, except those with a watch word</source>
        <translation>Las preguntas nuevas van directamente a los teléfonos, salvo las que contienen una palabra vigilada</translation>
    </message>
    <message>
        <source>Questions from the audience</source>
        <translation>Preguntas del público</translation>
    </message>
    <message>
        <source>Approve (A)</source>
        <translation>Aprobar (A)</translation>
    </message>
    <message>
        <source>Not selected (X)</source>
        <translation>No seleccionada (X)</translation>
    </message>
    <message>
        <source>Edit wording (E)</source>
        <translation>Editar texto (E)</translation>
    </message>
    <message>
        <source>Merge (G)</source>
        <translation>Combinar (G)</translation>
    </message>
    <message>
        <source>Star (S)</source>
        <translation>Destacar (S)</translation>
    </message>
    <message>
        <source>Put on screen (O)</source>
        <translation>En pantalla (O)</translation>
    </message>
    <message>
        <source>Mark answered (D)</source>
        <translation>Respondida (D)</translation>
    </message>
    <message>
        <source>Tags (T)…</source>
        <translation>Etiquetas (T)…</translation>
    </message>
    <message>
        <source>Answered by:</source>
        <translation>Respondida por:</translation>
    </message>
    <message>
        <source>Watch words:</source>
        <translation>Palabras vigiladas:</translation>
    </message>
    <message>
        <source>words that send a question to review, separated by commas</source>
        <translation>palabras que envían una pregunta a revisión, separadas por comas</translation>
    </message>
    <message>
        <source>Approve question</source>
        <translation>Aprobar la pregunta</translation>
    </message>
    <message>
        <source>Question not selected</source>
        <translation>Pregunta no seleccionada</translation>
    </message>
    <message>
        <source>Edit question wording</source>
        <translation>Editar el texto de la pregunta</translation>
    </message>
    <message>
        <source>Merge questions</source>
        <translation>Combinar preguntas</translation>
    </message>
    <message>
        <source>Star question</source>
        <translation>Destacar la pregunta</translation>
    </message>
    <message>
        <source>Put question on screen</source>
        <translation>Mostrar la pregunta en pantalla</translation>
    </message>
    <message>
        <source>Mark question answered</source>
        <translation>Marcar la pregunta como respondida</translation>
    </message>
    <message>
        <source>Tag question</source>
        <translation>Etiquetar la pregunta</translation>
    </message>
    <message>
        <source>Reading the questions…</source>
        <translation>Leyendo las preguntas…</translation>
    </message>
    <message>
        <source>{review} to review · {approved} approved · {answered} answered · {not_selected} not selected</source>
        <translation>{review}&#xa0;por&#xa0;revisar · {approved}&#xa0;aprobadas · {answered}&#xa0;respondidas · {not_selected}&#xa0;no&#xa0;seleccionadas</translation>
    </message>
    <message>
        <source> · {merged} merged</source>
        <translation> · {merged} combinadas</translation>
    </message>
    <message>
        <source>Nothing to merge</source>
        <translation>Nada que combinar</translation>
    </message>
    <message>
        <source>Select two or more questions to merge: Ctrl+click them, or with the keys Shift+↑/↓ for questions next to each other, Ctrl+↑/↓ then Ctrl+Space to add one further away. Or select one marked ≈ as looking like another.</source>
        <translation>Seleccione dos o más preguntas para fusionar: Ctrl+clic en cada una, o con el teclado Mayús+↑/↓ para preguntas seguidas, Ctrl+↑/↓ y luego Ctrl+Espacio para añadir una más alejada. O seleccione una marcada con ≈ por parecerse a otra.</translation>
    </message>
    <message>
        <source>Those questions were already merged.</source>
        <translation>Esas preguntas ya se combinaron.</translation>
    </message>
</context>
<context>
    <name>NotePicker</name>
    <message>
        <source>Pull in plain notes</source>
        <translation>Incorporar notas simples</translation>
    </message>
    <message>
        <source>Add them to:</source>
        <translation>Añadirlas a:</translation>
    </message>
    <message>
        <source>There are no plain notes in this session.</source>
        <translation>Esta sesión no tiene notas simples.</translation>
    </message>
    <message>
        <source>Tick the notes to add to the summary:</source>
        <translation>Marque las notas que desea añadir al resumen:</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Orador/a</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Type a note and press Enter</source>
        <translation>Escriba una nota y pulse Intro</translation>
    </message>
    <message>
        <source>What kind of note it is</source>
        <translation>Tipo de nota</translation>
    </message>
    <message>
        <source>Who the note is about; by default whoever is speaking</source>
        <translation>A quién se refiere la nota; por defecto, quien está hablando</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Notes of this session</source>
        <translation>Notas de esta sesión</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Eliminar nota</translation>
    </message>
    <message>
        <source>Take a &amp;note</source>
        <translation>Tomar una &amp;nota</translation>
    </message>
    <message>
        <source>Select a note to edit it; changes are saved as you type</source>
        <translation>Seleccione una nota para editarla; los cambios se guardan mientras escribe</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Selected note:</source>
        <translation>Nota seleccionada:</translation>
    </message>
    <message>
        <source>Could not read the session</source>
        <translation>No se pudo leer la sesión</translation>
    </message>
    <message>
        <source>Next: {name}</source>
        <translation>A continuación: {name}</translation>
    </message>
    <message>
        <source>Nobody is speaking yet: new notes are linked to {name}, who speaks next.</source>
        <translation>Nadie tiene la palabra todavía: las notas nuevas se vinculan a {name}, que habla a continuación.</translation>
    </message>
    <message>
        <source>Spoke last: {name}</source>
        <translation>Habló en último lugar: {name}</translation>
    </message>
    <message>
        <source>Nobody is speaking now: new notes are linked to {name}, who spoke last.</source>
        <translation>Nadie tiene la palabra: las notas nuevas se vinculan a {name}, que habló en último lugar.</translation>
    </message>
    <message>
        <source>Speaking now: {name}</source>
        <translation>Habla ahora: {name}</translation>
    </message>
    <message>
        <source>Speaking now: nobody</source>
        <translation>Habla ahora: nadie</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>Ningún orador/a</translation>
    </message>
    <message>
        <source>New notes are linked to {name}, who is speaking now.</source>
        <translation>Las notas nuevas se vinculan a {name}, que está hablando.</translation>
    </message>
    <message>
        <source>Nobody is speaking now: new notes are not linked to a speaker.</source>
        <translation>Nadie está hablando: las notas nuevas no se vinculan a ningún orador/a.</translation>
    </message>
    <message>
        <source>Could not keep the note being typed</source>
        <translation>No se pudo conservar la nota que se está escribiendo</translation>
    </message>
    <message>
        <source>Could not read the notes</source>
        <translation>No se pudieron leer las notas</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <source>Phones</source>
        <translation>Teléfonos</translation>
    </message>
    <message>
        <source>Open questions for this session</source>
        <translation>Abrir preguntas para esta sesión</translation>
    </message>
    <message>
        <source>Address phones use:</source>
        <translation>Dirección que usan los teléfonos:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Look for network connections again (after joining the Wi-Fi)</source>
        <translation>Buscar de nuevo las conexiones de red (tras unirse a la Wi-Fi)</translation>
    </message>
    <message>
        <source>The laptop&apos;s address on the venue network, as phones will use it</source>
        <translation>La dirección del portátil en la red del lugar, tal como la usarán los teléfonos</translation>
    </message>
    <message>
        <source>Show join code on projector</source>
        <translation>Mostrar código en el proyector</translation>
    </message>
    <message>
        <source>Save QR poster…</source>
        <translation>Guardar cartel QR…</translation>
    </message>
    <message>
        <source>Podium view (the stage on a phone or tablet at the podium: clock, messages, blackout; keep this link private):</source>
        <translation>Vista de atril (el escenario en un teléfono o tableta en el atril: reloj, mensajes, pantalla negra; mantenga este enlace en privado):</translation>
    </message>
    <message>
        <source>Serve the podium view</source>
        <translation>Servir la vista de atril</translation>
    </message>
    <message>
        <source>Start the phone server for the podium view alone; questions stay closed</source>
        <translation>Iniciar el servidor de teléfonos solo para la vista de atril; las preguntas siguen cerradas</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the podium view&apos;s address</source>
        <translation>Copiar la dirección de la vista de atril</translation>
    </message>
    <message>
        <source>&amp;Open questions for this session</source>
        <translation>&amp;Abrir preguntas para esta sesión</translation>
    </message>
    <message>
        <source>Show &amp;join code on projector</source>
        <translation>Mostrar el código de &amp;acceso en el proyector</translation>
    </message>
    <message>
        <source>Save QR &amp;poster…</source>
        <translation>Guardar &amp;cartel QR…</translation>
    </message>
    <message>
        <source>Close questions</source>
        <translation>Cerrar preguntas</translation>
    </message>
    <message>
        <source>127.0.0.1 (this laptop)</source>
        <translation>127.0.0.1 (este portátil)</translation>
    </message>
    <message>
        <source>Phones were told {before} before, and are now told {now}: QR codes and posters printed with {before} will not work, print them again.</source>
        <translation>Los teléfonos tenían la dirección {before} y ahora tienen {now}: los códigos QR y carteles impresos con {before} no funcionarán, vuelva a imprimirlos.</translation>
    </message>
    <message>
        <source>Could not save the address</source>
        <translation>No se pudo guardar la dirección</translation>
    </message>
    <message>
        <source>Code: {code}</source>
        <translation>Código: {code}</translation>
    </message>
    <message>
        <source>Questions are closed. Open them to show the QR code.</source>
        <translation>Las preguntas están cerradas. Ábralas para mostrar el código QR.</translation>
    </message>
    <message>
        <source>Open: phones on the same network can join (port {port}).</source>
        <translation>Abiertas: los teléfonos de la misma red pueden unirse (puerto {port}).</translation>
    </message>
    <message>
        <source>Questions are closed; the phone server runs for the team&apos;s links (port {port}).</source>
        <translation>Las preguntas están cerradas; el servidor de teléfonos sigue activo para los enlaces del equipo (puerto {port}).</translation>
    </message>
    <message>
        <source>Questions are closed; the phone server runs for the podium view (port {port}).</source>
        <translation>Las preguntas están cerradas; el servidor de teléfonos funciona para la vista de atril (puerto {port}).</translation>
    </message>
    <message>
        <source>The phone server is running for another session.</source>
        <translation>El servidor para teléfonos está activo para otra sesión.</translation>
    </message>
    <message>
        <source>Could not open questions</source>
        <translation>No se pudieron abrir las preguntas</translation>
    </message>
    <message>
        <source>Could not serve the podium view</source>
        <translation>No se pudo servir la vista de atril</translation>
    </message>
    <message>
        <source>Could not open the poll to phones</source>
        <translation>No se pudo abrir la encuesta a los teléfonos</translation>
    </message>
    <message>
        <source>Port {port} is in use by another program, so phones cannot reach facilitator on it.

Close the other program and try again, or use another port: QR codes and posters printed with port {port} will then not work, print them again.</source>
        <translation>Otro programa está usando el puerto {port}, así que los teléfonos no pueden llegar a facilitator por él.

Cierre el otro programa y reintente, o use otro puerto: los códigos QR y carteles impresos con el puerto {port} dejarán de funcionar, vuelva a imprimirlos.</translation>
    </message>
    <message>
        <source>Port in use</source>
        <translation>Puerto en uso</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Use port {port}</source>
        <translation>Usar el puerto {port}</translation>
    </message>
    <message>
        <source>Could not serve the team&apos;s links</source>
        <translation>No se pudieron servir los enlaces del equipo</translation>
    </message>
    <message>
        <source>Save QR poster</source>
        <translation>Guardar cartel QR</translation>
    </message>
    <message>
        <source>Could not save the poster</source>
        <translation>No se pudo guardar el cartel</translation>
    </message>
    <message>
        <source>Saved the QR poster to {path}</source>
        <translation>Cartel QR guardado en {path}</translation>
    </message>
</context>
<context>
    <name>PlannedTime</name>
    <message>
        <source>until {time}</source>
        <translation>hasta las {time}</translation>
    </message>
    <message>
        <source>{text}: that time has already passed. Type minutes (5) or a time still to come (until 11:30).</source>
        <translation>{text}: esa hora ya pasó. Escriba minutos (5) o una hora por venir (hasta las 11:30).</translation>
    </message>
    <message>
        <source>{text} is more than {limit} minutes away.</source>
        <translation>{text} está a más de {limit} minutos.</translation>
    </message>
    <message>
        <source>“{text}” is neither minutes (5 or 2.5) nor a time of day to end at (until 10:45).</source>
        <translation>«{text}» no son minutos (5 o 2,5) ni una hora de fin (hasta las 10:45).</translation>
    </message>
</context>
<context>
    <name>PollDialog</name>
    <message>
        <source>Single choice</source>
        <translation>Opción única</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Opción múltiple</translation>
    </message>
    <message>
        <source>Rating scale</source>
        <translation>Escala de valoración</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Word cloud (one to three words)</source>
        <translation>Nube de palabras (de una a tres palabras)</translation>
    </message>
    <message>
        <source>Open text</source>
        <translation>Texto libre</translation>
    </message>
    <message>
        <source>Edit poll</source>
        <translation>Editar encuesta</translation>
    </message>
    <message>
        <source>New poll</source>
        <translation>Nueva encuesta</translation>
    </message>
    <message>
        <source>One option per line (2 to {n})</source>
        <translation>Una opción por línea (de 2 a {n})</translation>
    </message>
    <message>
        <source>1 to 5</source>
        <translation>de 1 a 5</translation>
    </message>
    <message>
        <source>1 to 10</source>
        <translation>de 1 a 10</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Pregunta:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Options:</source>
        <translation>&amp;Opciones:</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>E&amp;scala:</translation>
    </message>
</context>
<context>
    <name>PollResultsView</name>
    <message>
        <source>1 answer</source>
        <translation>1 respuesta</translation>
    </message>
    <message>
        <source>{n} answers</source>
        <translation>{n} respuestas</translation>
    </message>
    <message>
        <source>average place, 1 = first</source>
        <translation>puesto medio, 1 = primero</translation>
    </message>
    <message>
        <source>Average: {average}</source>
        <translation>Media: {average}</translation>
    </message>
</context>
<context>
    <name>PollsTab</name>
    <message>
        <source>Polls of this session</source>
        <translation>Encuestas de esta sesión</translation>
    </message>
    <message>
        <source>New poll…</source>
        <translation>Nueva encuesta…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Open on phones</source>
        <translation>Abrir en los teléfonos</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Show results</source>
        <translation>Mostrar resultados</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>preparada</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>ABIERTA</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>results shown</source>
        <translation>resultados visibles</translation>
    </message>
    <message>
        <source>Close the open poll first: the phones and the projector show it.</source>
        <translation>Cierre primero la encuesta abierta: los teléfonos y el proyector la muestran.</translation>
    </message>
    <message>
        <source>Hide results</source>
        <translation>Ocultar resultados</translation>
    </message>
    <message>
        <source>No poll yet: write one with New poll…</source>
        <translation>Todavía no hay encuestas: redacte una con Nueva encuesta…</translation>
    </message>
    <message>
        <source>{n} held back by the watch words</source>
        <translation>{n} retenidos por las palabras vigiladas</translation>
    </message>
    <message>
        <source>Remove poll</source>
        <translation>Eliminar encuesta</translation>
    </message>
    <message>
        <source>Remove this poll with its answers ({answers})? Edit › Undo brings them back.</source>
        <translation>¿Eliminar esta encuesta con sus respuestas ({answers})? Edición › Deshacer las recupera.</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>facilitator — projector</source>
        <translation>facilitator — proyector</translation>
    </message>
    <message>
        <source>Send your questions from your phone</source>
        <translation>Envíe sus preguntas desde su teléfono</translation>
    </message>
    <message>
        <source>Next: {name}</source>
        <translation>Siguiente: {name}</translation>
    </message>
    <message>
        <source>or open {address} and type the code</source>
        <translation>o abra {address} y escriba el código</translation>
    </message>
    <message>
        <source>Code: {code}</source>
        <translation>Código: {code}</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <source>Scan it with a phone&apos;s camera to open the questions page</source>
        <translation>Escanéelo con la cámara de un teléfono para abrir la página de preguntas</translation>
    </message>
    <message>
        <source>QR code for {address}</source>
        <translation>Código QR para {address}</translation>
    </message>
    <message>
        <source>No QR code</source>
        <translation>Sin código QR</translation>
    </message>
</context>
<context>
    <name>QuestionFilter</name>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Por revisar</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondida</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>No seleccionada</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Combinada</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Destacadas</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Señaladas</translation>
    </message>
</context>
<context>
    <name>QuestionTableModel</name>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>{status} by {name}</source>
        <translation>{status} por {name}</translation>
    </message>
    <message>
        <source>{status} into #{number}</source>
        <translation>{status} en la n.º {number}</translation>
    </message>
    <message>
        <source>ON SCREEN</source>
        <translation>EN PANTALLA</translation>
    </message>
    <message>
        <source>⚑ review</source>
        <translation>⚑ revisar</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editada</translation>
    </message>
    <message>
        <source>Sent as: {text}</source>
        <translation>Enviada así: {text}</translation>
    </message>
    <message>
        <source>Watch words: {words}</source>
        <translation>Palabras vigiladas: {words}</translation>
    </message>
    <message>
        <source>(list changed since)</source>
        <translation>(la lista cambió desde entonces)</translation>
    </message>
    <message>
        <source>Looks like question #{number}; select it and press G to merge</source>
        <translation>Se parece a la pregunta n.º {number}; selecciónela y pulse G para combinar</translation>
    </message>
</context>
<context>
    <name>QuestionTagsDialog</name>
    <message>
        <source>Tags of the question</source>
        <translation>Etiquetas de la pregunta</translation>
    </message>
    <message>
        <source>Ticked from the question&apos;s words: check them.</source>
        <translation>Marcadas según las palabras de la pregunta: revíselas.</translation>
    </message>
    <message>
        <source>Tick the dialogues, SDGs and guiding questions it raises.</source>
        <translation>Marque los diálogos, ODS y preguntas guía que plantea.</translation>
    </message>
    <message>
        <source>{tag} (suggested)</source>
        <translation>{tag} (sugerida)</translation>
    </message>
</context>
<context>
    <name>QuestionTagsLine</name>
    <message>
        <source>Tags: {tags}</source>
        <translation>Etiquetas: {tags}</translation>
    </message>
    <message>
        <source>No tags yet (T tags the question).</source>
        <translation>Aún sin etiquetas (T etiqueta la pregunta).</translation>
    </message>
</context>
<context>
    <name>QuickStartDialog</name>
    <message>
        <source>Quick start</source>
        <translation>Guía rápida</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>1 character could not be printed (shown as �)</source>
        <translation>1 carácter no se pudo imprimir (se muestra �)</translation>
    </message>
    <message>
        <source>{count} characters could not be printed (shown as �)</source>
        <translation>{count} caracteres no se pudieron imprimir (se muestran �)</translation>
    </message>
</context>
<context>
    <name>RoomKeeper</name>
    <message>
        <source>questions open</source>
        <translation>preguntas abiertas</translation>
    </message>
    <message>
        <source>team links</source>
        <translation>enlaces del equipo</translation>
    </message>
    <message>
        <source>podium view</source>
        <translation>vista de atril</translation>
    </message>
    <message>
        <source>live poll</source>
        <translation>encuesta en vivo</translation>
    </message>
    <message>
        <source>projector</source>
        <translation>proyector</translation>
    </message>
</context>
<context>
    <name>RunTab</name>
    <message>
        <source>Not started · planned length {length}</source>
        <translation>Sin empezar · duración prevista {length}</translation>
    </message>
    <message>
        <source>Scheduled end {time}</source>
        <translation>Fin según el programa {time}</translation>
    </message>
    <message>
        <source>Planned end {time}</source>
        <translation>Fin previsto {time}</translation>
    </message>
    <message>
        <source>ended {time} ({schedule})</source>
        <translation>terminó a las {time} ({schedule})</translation>
    </message>
    <message>
        <source>projected {time} ({schedule})</source>
        <translation>estimado {time} ({schedule})</translation>
    </message>
    <message>
        <source>overtime so far {time}</source>
        <translation>tiempo excedido hasta ahora {time}</translation>
    </message>
    <message>
        <source>next: {name}</source>
        <translation>siguiente: {name}</translation>
    </message>
    <message>
        <source>last speaker</source>
        <translation>último/a orador/a</translation>
    </message>
    <message>
        <source>Speakers list</source>
        <translation>Lista de oradores</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(no indicado)</translation>
    </message>
    <message>
        <source>Floor request: type a name, then Enter  (R)</source>
        <translation>Petición de palabra: escriba un nombre y pulse Intro  (R)</translation>
    </message>
    <message>
        <source>Chime at 0:00</source>
        <translation>Aviso sonoro a las 0:00</translation>
    </message>
    <message>
        <source>Warning at</source>
        <translation>Aviso a</translation>
    </message>
    <message>
        <source>Danger at</source>
        <translation>Alerta a</translation>
    </message>
    <message>
        <source> s left</source>
        <translation> s restantes</translation>
    </message>
    <message>
        <source>{action} ({key})</source>
        <translation>{action} ({key})</translation>
    </message>
    <message>
        <source>&amp;Start / pause</source>
        <translation>&amp;Iniciar / pausa</translation>
    </message>
    <message>
        <source>&amp;Next speaker</source>
        <translation>Orador/a &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;Previous speaker</source>
        <translation>Orador/a &amp;anterior</translation>
    </message>
    <message>
        <source>Add 30 s</source>
        <translation>Añadir 30 s</translation>
    </message>
    <message>
        <source>Take away 30 s</source>
        <translation>Quitar 30 s</translation>
    </message>
    <message>
        <source>Add 1 min</source>
        <translation>Añadir 1 min</translation>
    </message>
    <message>
        <source>Take away 1 min</source>
        <translation>Quitar 1 min</translation>
    </message>
    <message>
        <source>&amp;Floor request…</source>
        <translation>&amp;Petición de palabra…</translation>
    </message>
    <message>
        <source>Accept ne&amp;xt floor request from a phone</source>
        <translation>Aceptar la &amp;siguiente solicitud de palabra de un teléfono</translation>
    </message>
    <message>
        <source>Re-add &amp;last speaker</source>
        <translation>Volver a dar la palabra al ú&amp;ltimo/a orador/a</translation>
    </message>
    <message>
        <source>&amp;Add speaker…</source>
        <translation>Añadir &amp;orador/a…</translation>
    </message>
    <message>
        <source>Remove speaker</source>
        <translation>Quitar orador/a</translation>
    </message>
    <message>
        <source>Move speaker up</source>
        <translation>Subir orador/a</translation>
    </message>
    <message>
        <source>Move speaker down</source>
        <translation>Bajar orador/a</translation>
    </message>
    <message>
        <source>Speaking &amp;time statistics…</source>
        <translation>Estadísticas del &amp;tiempo de palabra…</translation>
    </message>
    <message>
        <source>Show &amp;projector</source>
        <translation>Mostrar el &amp;proyector</translation>
    </message>
    <message>
        <source>Projector &amp;fullscreen</source>
        <translation>Proyector a pantalla &amp;completa</translation>
    </message>
    <message>
        <source>&amp;Blackout</source>
        <translation>Pantalla &amp;negra</translation>
    </message>
    <message>
        <source>&amp;Message to the speaker…</source>
        <translation>&amp;Mensaje al orador/a…</translation>
    </message>
    <message>
        <source>Clear the message</source>
        <translation>Borrar el mensaje</translation>
    </message>
    <message>
        <source>Projector screen</source>
        <translation>Pantalla del proyector</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>◀ Previous (P)</source>
        <translation>◀ Anterior (P)</translation>
    </message>
    <message>
        <source>Next (N) ▶</source>
        <translation>Siguiente (N) ▶</translation>
    </message>
    <message>
        <source>−1 min</source>
        <translation>−1 min</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 min</translation>
    </message>
    <message>
        <source>−30 s</source>
        <translation>−30 s</translation>
    </message>
    <message>
        <source>+30 s</source>
        <translation>+30 s</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Proyector</translation>
    </message>
    <message>
        <source>Fullscreen (F)</source>
        <translation>Pantalla completa (F)</translation>
    </message>
    <message>
        <source>Message (M)</source>
        <translation>Mensaje (M)</translation>
    </message>
    <message>
        <source>Blackout (B)</source>
        <translation>Pantalla negra (B)</translation>
    </message>
    <message>
        <source>Add speaker…</source>
        <translation>Añadir orador/a…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Re-add last speaker</source>
        <translation>Volver a dar la palabra</translation>
    </message>
    <message>
        <source>Statistics…</source>
        <translation>Estadísticas…</translation>
    </message>
    <message>
        <source>Could not read the session</source>
        <translation>No se pudo leer la sesión</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>EN PAUSA</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>Nadie habla</translation>
    </message>
    <message>
        <source>The speakers list is done.</source>
        <translation>La lista de oradores ha terminado.</translation>
    </message>
    <message>
        <source>Ready: press Space to start.</source>
        <translation>Listo: pulse Espacio para iniciar.</translation>
    </message>
    <message>
        <source>Speaking for {time}</source>
        <translation>Hablando desde hace {time}</translation>
    </message>
    <message>
        <source>Paused: press Space to resume.</source>
        <translation>En pausa: pulse Espacio para reanudar.</translation>
    </message>
    <message>
        <source>Finished: press Space to continue this speaker, N for the next.</source>
        <translation>Terminado: Espacio para continuar con este orador/a, N para el siguiente.</translation>
    </message>
    <message>
        <source>  (time {sign}{time})</source>
        <translation>  (tiempo {sign}{time})</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pausa (Espacio)</translation>
    </message>
    <message>
        <source>Resume (Space)</source>
        <translation>Reanudar (Espacio)</translation>
    </message>
    <message>
        <source>Start (Space)</source>
        <translation>Iniciar (Espacio)</translation>
    </message>
    <message>
        <source>{name} has already spoken; removing the turn removes its recorded time too. Remove it?</source>
        <translation>{name} ya ha hablado; quitar el turno también quita el tiempo registrado. ¿Quitarlo?</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Could not read the stage message</source>
        <translation>No se pudo leer el mensaje del escenario</translation>
    </message>
</context>
<context>
    <name>SessionDetails</name>
    <message numerus="yes">
        <source>%n speakers, {minutes} min planned</source>
        <translation>
            <numerusform>%n orador/a, {minutes} min previstos</numerusform>
            <numerusform>%n oradores, {minutes} min previstos</numerusform>
        </translation>
    </message>
    <message>
        <source>New speaker</source>
        <translation>Nuevo/a orador/a</translation>
    </message>
    <message>
        <source>&amp;Guiding questions
(one per line)</source>
        <translation>Preguntas or&amp;ientadoras
(una por línea)</translation>
    </message>
    <message>
        <source>Themes (&amp;WUF12 dialogues)</source>
        <translation>Temas (diálogos del &amp;WUF12)</translation>
    </message>
    <message>
        <source>Separated by semicolons</source>
        <translation>Separados por punto y coma</translation>
    </message>
    <message>
        <source>Tit&amp;le</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>Des&amp;cription</source>
        <translation>Descripci&amp;ón</translation>
    </message>
    <message>
        <source>R&amp;oom</source>
        <translation>Sa&amp;la</translation>
    </message>
    <message>
        <source>S&amp;tarts / ends</source>
        <translation>Inicio / &amp;fin</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Empieza a las</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Termina a las</translation>
    </message>
    <message>
        <source>Time &amp;zone of the event</source>
        <translation>&amp;Zona horaria del evento</translation>
    </message>
    <message>
        <source>Every time is shown and printed in this zone, whatever the laptop&apos;s zone (an IANA name such as Europe/Paris)</source>
        <translation>Todas las horas se muestran e imprimen en esta zona, sea cual sea la del portátil (un nombre IANA como Europe/Paris)</translation>
    </message>
    <message>
        <source>Time zone of the event</source>
        <translation>Zona horaria del evento</translation>
    </message>
    <message>
        <source>&amp;Moderator</source>
        <translation>&amp;Moderador/a</translation>
    </message>
    <message>
        <source>Ra&amp;pporteur</source>
        <translation>Relat&amp;or/a</translation>
    </message>
    <message>
        <source>Spea&amp;king slots</source>
        <translation>Turnos de pala&amp;bra</translation>
    </message>
    <message>
        <source>Speaking slots</source>
        <translation>Turnos de palabra</translation>
    </message>
    <message>
        <source>Add speaker</source>
        <translation>Añadir orador/a</translation>
    </message>
    <message>
        <source>Remove speaker</source>
        <translation>Quitar orador/a</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>Session {number}: {title}</source>
        <translation>Sesión {number}: {title}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
</context>
<context>
    <name>SlotTableModel</name>
    <message>
        <source>Speaker</source>
        <translation>Orador/a</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Constituency</source>
        <translation>Grupo constituyente</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Spoken</source>
        <translation>Hablado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>speaking</source>
        <translation>hablando</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>omitido</translation>
    </message>
    <message>
        <source>{number}, current speaker</source>
        <translation>{number}, orador/a actual</translation>
    </message>
    <message>
        <source>Minutes (5 or 2.5), or a time of day to end at (until 10:45)</source>
        <translation>Minutos (5 o 2,5), o una hora de fin (hasta las 10:45)</translation>
    </message>
    <message>
        <source>{status}, {time} over</source>
        <translation>{status} (+{time})</translation>
    </message>
    <message>
        <source>Could not save the speaker</source>
        <translation>No se pudo guardar al orador/a</translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <source>Add speaker</source>
        <translation>Añadir orador/a</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(no indicado)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>or &amp;until</source>
        <translation>o &amp;hasta</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Cargo</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organización</translation>
    </message>
    <message>
        <source>&amp;Constituency</source>
        <translation>&amp;Grupo constituyente</translation>
    </message>
    <message>
        <source>&amp;Gender (optional)</source>
        <translation>Gé&amp;nero (opcional)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>&amp;Planned time</source>
        <translation>Tiempo &amp;previsto</translation>
    </message>
</context>
<context>
    <name>SpokenClock</name>
    <message>
        <source>{n} minutes left</source>
        <translation>quedan {n} minutos</translation>
    </message>
    <message>
        <source>1 minute or less left</source>
        <translation>queda 1 minuto o menos</translation>
    </message>
    <message>
        <source>time is up</source>
        <translation>se acabó el tiempo</translation>
    </message>
    <message>
        <source>over time</source>
        <translation>tiempo excedido</translation>
    </message>
    <message>
        <source>over time by 1 minute</source>
        <translation>tiempo excedido en 1 minuto</translation>
    </message>
    <message>
        <source>over time by {n} minutes</source>
        <translation>tiempo excedido en {n} minutos</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>Nadie habla</translation>
    </message>
    <message>
        <source>{time}, please conclude</source>
        <translation>{time}, por favor, concluya</translation>
    </message>
    <message>
        <source>paused, {time}</source>
        <translation>en pausa, {time}</translation>
    </message>
    <message>
        <source>{speaker}: {time}</source>
        <translation>{speaker}: {time}</translation>
    </message>
</context>
<context>
    <name>StagePreview</name>
    <message>
        <source>Blackout: the projector is black (B to undo)</source>
        <translation>Pantalla negra: el proyector está en negro (B para deshacer)</translation>
    </message>
    <message>
        <source>The projector shows the join code, not this clock (Questions tab: Show join code on projector)</source>
        <translation>El proyector muestra el código para unirse, no este reloj (pestaña Preguntas: Mostrar código en el proyector)</translation>
    </message>
    <message>
        <source>The projector shows the poll&apos;s results, not this clock (Polls tab)</source>
        <translation>El proyector muestra los resultados de la encuesta, no este reloj (pestaña Encuestas)</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Turns</source>
        <translation>Turnos</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Share of time</source>
        <translation>Parte del tiempo</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>Tiempo de palabra</translation>
    </message>
    <message numerus="yes">
        <source>Planned {planned} · spoken {spoken} in %n turns · overtime {overtime}</source>
        <translation>
            <numerusform>Previsto {planned} · hablado {spoken} en %n turno · exceso {overtime}</numerusform>
            <numerusform>Previsto {planned} · hablado {spoken} en %n turnos · exceso {overtime}</numerusform>
        </translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Orador/a</translation>
    </message>
    <message>
        <source>By &amp;speaker</source>
        <translation>Por &amp;orador/a</translation>
    </message>
    <message>
        <source>Constituency</source>
        <translation>Grupo constituyente</translation>
    </message>
    <message>
        <source>By &amp;constituency</source>
        <translation>Por &amp;grupo constituyente</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>By &amp;gender</source>
        <translation>Por g&amp;énero</translation>
    </message>
</context>
<context>
    <name>SummaryConflict</name>
    <message>
        <source>Summary changed elsewhere</source>
        <translation>Resumen modificado en otro lugar</translation>
    </message>
    <message>
        <source>“{section}” was saved on a rapporteur&apos;s device while you were editing it here. Which text should the summary keep?</source>
        <translation>«{section}» se guardó en el dispositivo de un/a relator/a mientras usted la editaba aquí. ¿Qué texto debe conservar el resumen?</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Yours:
{mine}

Theirs:
{theirs}</source>
        <translation>El suyo:
{mine}

El otro:
{theirs}</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Conservar el mío</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Tomar el otro</translation>
    </message>
    <message>
        <source>Merge by hand</source>
        <translation>Combinar a mano</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>the printer could not start printing</source>
        <translation>la impresora no pudo empezar a imprimir</translation>
    </message>
    <message>
        <source>Key messages</source>
        <translation>Mensajes clave</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Recomendaciones</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Compromisos</translation>
    </message>
    <message>
        <source>Way forward</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>Fill empty sections from notes</source>
        <translation>Completar con las notas</translation>
    </message>
    <message>
        <source>Pull in plain notes…</source>
        <translation>Incorporar notas simples…</translation>
    </message>
    <message>
        <source>Summary sections</source>
        <translation>Secciones del resumen</translation>
    </message>
    <message>
        <source>Paper size of the PDF</source>
        <translation>Tamaño de papel del PDF</translation>
    </message>
    <message>
        <source>Refresh preview</source>
        <translation>Actualizar vista previa</translation>
    </message>
    <message>
        <source>&amp;Print summary…</source>
        <translation>&amp;Imprimir el resumen…</translation>
    </message>
    <message>
        <source>&amp;Save summary PDF…</source>
        <translation>&amp;Guardar el PDF del resumen…</translation>
    </message>
    <message>
        <source>&amp;Open summary PDF</source>
        <translation>&amp;Abrir el PDF del resumen</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Abrir PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Preview of the PDF</source>
        <translation>Vista previa del PDF</translation>
    </message>
    <message>
        <source>One point a line</source>
        <translation>Un punto por línea</translation>
    </message>
    <message>
        <source>Answers to the guiding questions</source>
        <translation>Respuestas a las preguntas orientadoras</translation>
    </message>
    <message>
        <source>This session has no guiding questions.</source>
        <translation>Esta sesión no tiene preguntas orientadoras.</translation>
    </message>
    <message>
        <source>Could not read the session</source>
        <translation>No se pudo leer la sesión</translation>
    </message>
    <message>
        <source>Could not read the summary</source>
        <translation>No se pudo leer el resumen</translation>
    </message>
    <message>
        <source>Select a session to write its summary.</source>
        <translation>Seleccione una sesión para redactar su resumen.</translation>
    </message>
    <message>
        <source>Draft from the notes (key messages, recommendations, commitments, partnership examples, notes tagged with a question). Edit any section to keep it.</source>
        <translation>Borrador a partir de las notas (mensajes clave, recomendaciones, compromisos, ejemplos de alianzas, notas etiquetadas con una pregunta). Edite cualquier sección para conservarla.</translation>
    </message>
    <message>
        <source>Saved. Every change is saved as you type.</source>
        <translation>Guardado. Cada cambio se guarda mientras escribe.</translation>
    </message>
    <message>
        <source>Could not make the summary PDF</source>
        <translation>No se pudo crear el PDF del resumen</translation>
    </message>
    <message>
        <source>Sending the summary to the printer…</source>
        <translation>Enviando el resumen a la impresora…</translation>
    </message>
    <message>
        <source>1 page, {size}</source>
        <translation>1 página, {size}</translation>
    </message>
    <message numerus="yes">
        <source>%n pages, {size}</source>
        <translation>
            <numerusform>%n página, {size}</numerusform>
            <numerusform>%n páginas, {size}</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not keep the page size</source>
        <translation>No se pudo conservar el tamaño de página</translation>
    </message>
    <message>
        <source>Save the summary as PDF</source>
        <translation>Guardar el resumen como PDF</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado: {path}</translation>
    </message>
    <message>
        <source>Making the summary PDF…</source>
        <translation>Creando el PDF del resumen…</translation>
    </message>
    <message>
        <source>Still sending the summary to the printer…</source>
        <translation>El resumen todavía se está enviando a la impresora…</translation>
    </message>
    <message>
        <source>Print the summary</source>
        <translation>Imprimir el resumen</translation>
    </message>
    <message>
        <source>Sent 1 page to the printer</source>
        <translation>1 página enviada a la impresora</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n pages to the printer</source>
        <translation>
            <numerusform>%n página enviada a la impresora</numerusform>
            <numerusform>%n páginas enviadas a la impresora</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not print the summary</source>
        <translation>No se pudo imprimir el resumen</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <source>Tags ({count})</source>
        <translation>Etiquetas ({count})</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Guiding questions, SDGs, WUF12 themes</source>
        <translation>Preguntas orientadoras, ODS, temas del WUF12</translation>
    </message>
</context>
<context>
    <name>TeamPanel</name>
    <message>
        <source>Rapporteur</source>
        <translation>Relator/a</translation>
    </message>
    <message>
        <source>Co-moderator</source>
        <translation>Comoderador/a</translation>
    </message>
    <message>
        <source>Timekeeper</source>
        <translation>Cronometrador/a</translation>
    </message>
    <message>
        <source>Podium</source>
        <translation>Atril</translation>
    </message>
    <message>
        <source>Takes notes and writes the summary from a laptop or tablet.</source>
        <translation>Toma notas y redacta el resumen desde un portátil o una tableta.</translation>
    </message>
    <message>
        <source>Screens audience questions and puts them on screen.</source>
        <translation>Filtra las preguntas del público y las muestra en pantalla.</translation>
    </message>
    <message>
        <source>Drives the clock, the message to the speaker and the blackout from a phone or a Stream Deck.</source>
        <translation>Maneja el cronómetro, el mensaje al orador y la pantalla negra desde un teléfono o un Stream Deck.</translation>
    </message>
    <message>
        <source>Shows the speaker&apos;s clock and messages on a tablet at the podium.</source>
        <translation>Muestra el cronómetro y los mensajes del orador en una tableta en el atril.</translation>
    </message>
    <message>
        <source>Team links</source>
        <translation>Enlaces del equipo</translation>
    </message>
    <message>
        <source>Give each member of the team a link of their own: it opens their role&apos;s page on their phone, tablet or laptop, on the venue network. Revoke a link and its device is shut out at once.</source>
        <translation>Dé a cada miembro del equipo su propio enlace: abre la página de su rol en su teléfono, tableta o portátil, en la red del lugar. Revoque un enlace y su dispositivo queda fuera de inmediato.</translation>
    </message>
    <message>
        <source>&amp;Serve the team&apos;s links</source>
        <translation>&amp;Servir los enlaces del equipo</translation>
    </message>
    <message>
        <source>New link</source>
        <translation>Nuevo enlace</translation>
    </message>
    <message>
        <source>Person or device (optional)</source>
        <translation>Persona o dispositivo (opcional)</translation>
    </message>
    <message>
        <source>&amp;Create link</source>
        <translation>&amp;Crear el enlace</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Visto</translation>
    </message>
    <message>
        <source>No team links yet: nothing is served to team devices.</source>
        <translation>Aún no hay enlaces del equipo: no se sirve nada a los dispositivos del equipo.</translation>
    </message>
    <message>
        <source>Scan it with the team member&apos;s phone or tablet to open their page</source>
        <translation>Escanéelo con el teléfono o la tableta del miembro del equipo para abrir su página</translation>
    </message>
    <message>
        <source>C&amp;opy link</source>
        <translation>C&amp;opiar el enlace</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Re&amp;vocar…</translation>
    </message>
    <message>
        <source>Could not read the team&apos;s links</source>
        <translation>No se pudieron leer los enlaces del equipo</translation>
    </message>
    <message>
        <source>Not seen yet</source>
        <translation>Aún no visto</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Last seen {time}</source>
        <translation>Visto por última vez a las {time}</translation>
    </message>
    <message>
        <source>The phone server is running: team links work on the venue network.</source>
        <translation>El servidor de teléfonos está activo: los enlaces del equipo funcionan en la red del lugar.</translation>
    </message>
    <message>
        <source>The phone server is stopped: team links do not work until it runs.</source>
        <translation>El servidor de teléfonos está detenido: los enlaces del equipo no funcionan hasta que se inicie.</translation>
    </message>
    <message>
        <source>The phone server starts when you create the first link.</source>
        <translation>El servidor de teléfonos se inicia al crear el primer enlace.</translation>
    </message>
    <message>
        <source>Revoke link</source>
        <translation>Revocar el enlace</translation>
    </message>
    <message>
        <source>Revoke the link of {who}? Its device is shut out at once; a new link means scanning a new QR code.</source>
        <translation>¿Revocar el enlace de {who}? Su dispositivo queda fuera de inmediato; un nuevo enlace obliga a escanear un nuevo código QR.</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Revocar</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>There is no session {session_id} in this event.</source>
        <translation>No hay ninguna sesión {session_id} en este evento.</translation>
    </message>
    <message>
        <source>That speaker is no longer on the list.</source>
        <translation>Esa persona ya no está en la lista de oradores.</translation>
    </message>
    <message>
        <source>That question is no longer there.</source>
        <translation>Esa pregunta ya no existe.</translation>
    </message>
    <message>
        <source>That note is no longer there.</source>
        <translation>Esa nota ya no existe.</translation>
    </message>
    <message>
        <source>A session needs a title.</source>
        <translation>Una sesión necesita un título.</translation>
    </message>
    <message>
        <source>Choose at least two questions to merge.</source>
        <translation>Elija al menos dos preguntas para fusionar.</translation>
    </message>
    <message>
        <source>Questions from different sessions cannot be merged.</source>
        <translation>No se pueden fusionar preguntas de sesiones distintas.</translation>
    </message>
    <message>
        <source>That question was already merged into another one.</source>
        <translation>Esa pregunta ya se fusionó con otra.</translation>
    </message>
    <message>
        <source>Approve the question before putting it on screen.</source>
        <translation>Apruebe la pregunta antes de mostrarla en pantalla.</translation>
    </message>
    <message>
        <source>The question cannot be saved: {reason}</source>
        <translation>No se puede guardar la pregunta: {reason}</translation>
    </message>
    <message>
        <source>The name cannot be saved: {reason}</source>
        <translation>No se puede guardar el nombre: {reason}</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Una nota necesita algo de texto.</translation>
    </message>
    <message>
        <source>The summary has no section {section}.</source>
        <translation>El resumen no tiene la sección {section}.</translation>
    </message>
    <message>
        <source>Someone else saved this section of the summary meanwhile: compare their text with yours and choose.</source>
        <translation>Otra persona guardó esta sección del resumen mientras tanto: compare su texto con el suyo y elija.</translation>
    </message>
    <message>
        <source>Planned time must be more than zero.</source>
        <translation>El tiempo previsto debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>The new order must list every speaker of the session once.</source>
        <translation>El nuevo orden debe incluir una vez a cada orador de la sesión.</translation>
    </message>
    <message>
        <source>That floor request is no longer there.</source>
        <translation>Esa solicitud de palabra ya no existe.</translation>
    </message>
    <message>
        <source>That floor request was already answered.</source>
        <translation>Esa solicitud de palabra ya fue respondida.</translation>
    </message>
    <message>
        <source>Speaking times must be between 1 second and 30 minutes.</source>
        <translation>Los tiempos de palabra deben estar entre 1 segundo y 30 minutos.</translation>
    </message>
    <message>
        <source>That poll is no longer there.</source>
        <translation>Esa encuesta ya no existe.</translation>
    </message>
    <message>
        <source>The poll cannot be saved: {reason}</source>
        <translation>No se puede guardar la encuesta: {reason}</translation>
    </message>
    <message>
        <source>The new order must list every poll of the session once.</source>
        <translation>El nuevo orden debe incluir cada encuesta de la sesión una vez.</translation>
    </message>
    <message>
        <source>Close the open poll first: the phones and the projector show “{question}” while it is open.</source>
        <translation>Cierre primero la encuesta abierta: los teléfonos y el proyector muestran «{question}» mientras está abierta.</translation>
    </message>
    <message>
        <source>This was changed since, on the laptop or by a team device; undo would overwrite that.</source>
        <translation>Esto se modificó después, en el portátil o desde un dispositivo del equipo; deshacer sobrescribiría ese cambio.</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name</source>
        <translation>{path} ya existe; elija otro nombre.</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>La carpeta {folder} no existe.</translation>
    </message>
    <message>
        <source>no event file at {path}</source>
        <translation>No hay ningún archivo de evento en {path}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not an event file</source>
        <translation>{path} es una carpeta, no un archivo de evento.</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}); open a copy you saved with File › Save a copy</source>
        <translation>{path} está dañado ({detail}); abra una copia guardada con Archivo › Guardar una copia.</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}); open the automatic backup {backup}</source>
        <translation>{path} está dañado ({detail}); abra la copia de seguridad automática {backup}.</translation>
    </message>
    <message>
        <source>{path} is a SQLite database but not a facilitator event</source>
        <translation>{path} es una base de datos SQLite, pero no un evento de facilitator.</translation>
    </message>
    <message>
        <source>{path} is empty: it is not a facilitator event file</source>
        <translation>{path} está vacío: no es un archivo de evento de facilitator.</translation>
    </message>
    <message>
        <source>{path} is not a facilitator event file (not SQLite)</source>
        <translation>{path} no es un archivo de evento de facilitator (no es SQLite).</translation>
    </message>
    <message>
        <source>{path} was written by a newer facilitator (schema {schema}); update facilitator to open it</source>
        <translation>{path} fue escrito por una versión más reciente de facilitator (esquema {schema}); actualice facilitator para abrirlo.</translation>
    </message>
    <message>
        <source>{path} uses an older schema; open it in facilitator once to upgrade it</source>
        <translation>{path} usa un esquema antiguo; ábralo una vez en facilitator para actualizarlo.</translation>
    </message>
    <message>
        <source>{path} is read-only; open a copy or check the file&apos;s permissions</source>
        <translation>{path} es de solo lectura; abra una copia o revise los permisos del archivo.</translation>
    </message>
    <message>
        <source>the disk holding {path} is full; free some space (nothing was lost)</source>
        <translation>El disco que contiene {path} está lleno; libere espacio (no se perdió nada).</translation>
    </message>
    <message>
        <source>{path} is busy in another program; close it there and try again</source>
        <translation>{path} está ocupado por otro programa; ciérrelo allí y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>cannot open {path}: check that the folder exists and is writable</source>
        <translation>No se puede abrir {path}: compruebe que la carpeta existe y que se puede escribir en ella.</translation>
    </message>
    <message>
        <source>no permission to read {path}</source>
        <translation>No tiene permiso para leer {path}.</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>No se puede leer {path}: {reason}</translation>
    </message>
    <message>
        <source>cannot create {path}: {reason}</source>
        <translation>No se puede crear {path}: {reason}</translation>
    </message>
    <message>
        <source>choose a different file name for the copy</source>
        <translation>Elija otro nombre de archivo para la copia.</translation>
    </message>
    <message>
        <source>could not save a copy to {target}: {reason}</source>
        <translation>No se pudo guardar una copia en {target}: {reason}</translation>
    </message>
    <message>
        <source>{path} is an event file: an export or report written there would destroy it; choose another file name</source>
        <translation>{path} es un archivo de evento: una exportación o un informe escrito en su lugar lo destruiría; elija otro nombre de archivo.</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>There is no team role {role}.</source>
        <translation>No existe el rol de equipo {role}.</translation>
    </message>
    <message>
        <source>That team link is no longer there.</source>
        <translation>Ese enlace de equipo ya no existe.</translation>
    </message>
    <message>
        <source>approve question</source>
        <translation>aprobar la pregunta</translation>
    </message>
    <message>
        <source>not selected</source>
        <translation>no seleccionada</translation>
    </message>
    <message>
        <source>back to new</source>
        <translation>volver a pendiente</translation>
    </message>
    <message>
        <source>edit wording</source>
        <translation>editar la redacción</translation>
    </message>
    <message>
        <source>star question</source>
        <translation>destacar la pregunta</translation>
    </message>
    <message>
        <source>tag question</source>
        <translation>etiquetar la pregunta</translation>
    </message>
    <message>
        <source>mark answered</source>
        <translation>marcar como respondida</translation>
    </message>
    <message>
        <source>question on screen</source>
        <translation>pregunta en pantalla</translation>
    </message>
    <message>
        <source>merge {count} questions</source>
        <translation>fusionar {count} preguntas</translation>
    </message>
    <message>
        <source>open questions</source>
        <translation>abrir las preguntas</translation>
    </message>
    <message>
        <source>close questions</source>
        <translation>cerrar las preguntas</translation>
    </message>
    <message>
        <source>add speaker</source>
        <translation>añadir orador</translation>
    </message>
    <message>
        <source>edit speaker</source>
        <translation>editar orador</translation>
    </message>
    <message>
        <source>remove speaker</source>
        <translation>quitar orador</translation>
    </message>
    <message>
        <source>reorder speakers</source>
        <translation>reordenar oradores</translation>
    </message>
    <message>
        <source>clock change</source>
        <translation>cronómetro</translation>
    </message>
    <message>
        <source>next speaker</source>
        <translation>siguiente orador</translation>
    </message>
    <message>
        <source>previous speaker</source>
        <translation>orador anterior</translation>
    </message>
    <message>
        <source>add time</source>
        <translation>añadir tiempo</translation>
    </message>
    <message>
        <source>add note</source>
        <translation>añadir nota</translation>
    </message>
    <message>
        <source>edit note</source>
        <translation>editar nota</translation>
    </message>
    <message>
        <source>delete note</source>
        <translation>eliminar nota</translation>
    </message>
    <message>
        <source>edit summary</source>
        <translation>editar el resumen</translation>
    </message>
    <message>
        <source>add session</source>
        <translation>añadir sesión</translation>
    </message>
    <message>
        <source>edit session</source>
        <translation>editar sesión</translation>
    </message>
    <message>
        <source>remove session</source>
        <translation>eliminar sesión</translation>
    </message>
    <message>
        <source>edit event</source>
        <translation>editar el evento</translation>
    </message>
    <message>
        <source>stage message</source>
        <translation>mensaje en escena</translation>
    </message>
    <message>
        <source>import agenda</source>
        <translation>importar programa</translation>
    </message>
    <message>
        <source>send question</source>
        <translation>enviar pregunta</translation>
    </message>
    <message>
        <source>vote</source>
        <translation>votar</translation>
    </message>
    <message>
        <source>create team link</source>
        <translation>crear un enlace de equipo</translation>
    </message>
    <message>
        <source>revoke team link</source>
        <translation>revocar un enlace de equipo</translation>
    </message>
    <message>
        <source>ask for the floor</source>
        <translation>pedir la palabra</translation>
    </message>
    <message>
        <source>withdraw floor request</source>
        <translation>retirar la solicitud de palabra</translation>
    </message>
    <message>
        <source>accept floor request</source>
        <translation>aceptar la solicitud de palabra</translation>
    </message>
    <message>
        <source>decline floor request</source>
        <translation>rechazar la solicitud de palabra</translation>
    </message>
    <message>
        <source>take floor requests</source>
        <translation>aceptar solicitudes de palabra</translation>
    </message>
    <message>
        <source>stop floor requests</source>
        <translation>dejar de aceptar solicitudes de palabra</translation>
    </message>
    <message>
        <source>floor speaking times</source>
        <translation>tiempos de palabra del público</translation>
    </message>
    <message>
        <source>add poll</source>
        <translation>añadir encuesta</translation>
    </message>
    <message>
        <source>edit poll</source>
        <translation>editar encuesta</translation>
    </message>
    <message>
        <source>remove poll</source>
        <translation>eliminar encuesta</translation>
    </message>
    <message>
        <source>reorder polls</source>
        <translation>reordenar encuestas</translation>
    </message>
    <message>
        <source>open poll</source>
        <translation>abrir encuesta</translation>
    </message>
    <message>
        <source>close poll</source>
        <translation>cerrar encuesta</translation>
    </message>
    <message>
        <source>show poll results</source>
        <translation>mostrar resultados de la encuesta</translation>
    </message>
    <message>
        <source>hide poll results</source>
        <translation>ocultar resultados de la encuesta</translation>
    </message>
    <message>
        <source>answer poll</source>
        <translation>responder a la encuesta</translation>
    </message>
    <message>
        <source>Could not: {action}</source>
        <translation>No se pudo: {action}</translation>
    </message>
    <message>
        <source>{path} is already open in another facilitator window (process {pid} on {host}); switch to that window, or close it first</source>
        <translation>{path} ya está abierto en otra ventana de facilitator (proceso {pid} en {host}); vaya a esa ventana o ciérrela primero.</translation>
    </message>
    <message>
        <source>{path} is already open in the phone server started with `facilitator serve` (process {pid} on {host}); stop it (Ctrl-C where it runs), then try again</source>
        <translation>{path} ya está abierto en el servidor para teléfonos iniciado con `facilitator serve` (proceso {pid} en {host}); deténgalo (Ctrl-C donde se ejecuta) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{path} is in use by the command `facilitator {command}` (process {pid} on {host}); wait for it to finish, then try again</source>
        <translation>{path} está en uso por el comando `facilitator {command}` (proceso {pid} en {host}); espere a que termine y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{path} is already open in another facilitator program; close it, then try again</source>
        <translation>{path} ya está abierto en otro programa de facilitator; ciérrelo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Cannot write {name}: the disk is read-only.</source>
        <translation>No se puede escribir {name}: el disco es de solo lectura.</translation>
    </message>
    <message>
        <source>Cannot write {name}: the disk is full; free some space and try again.</source>
        <translation>No se puede escribir {name}: el disco está lleno; libere espacio e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Cannot write {name}: you have no permission to write in the folder {folder}.</source>
        <translation>No se puede escribir {name}: no tiene permiso para escribir en la carpeta {folder}.</translation>
    </message>
    <message>
        <source>Cannot write {name}: the file name is too long; choose a shorter one.</source>
        <translation>No se puede escribir {name}: el nombre del archivo es demasiado largo; elija uno más corto.</translation>
    </message>
    <message>
        <source>Cannot write {name}: the folder {folder} is no longer there.</source>
        <translation>No se puede escribir {name}: la carpeta {folder} ya no existe.</translation>
    </message>
    <message>
        <source>Cannot write {name}: it is a folder; choose a file name.</source>
        <translation>No se puede escribir {name}: es una carpeta; elija un nombre de archivo.</translation>
    </message>
    <message>
        <source>Cannot write {name}: {reason}.</source>
        <translation>No se puede escribir {name}: {reason}.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Opening remarks</source>
        <translation>Palabras de apertura</translation>
    </message>
    <message>
        <source>Keynote</source>
        <translation>Discurso principal</translation>
    </message>
    <message>
        <source>Panellist</source>
        <translation>Panelista</translation>
    </message>
    <message>
        <source>Intervention from the floor</source>
        <translation>Intervención desde la sala</translation>
    </message>
    <message>
        <source>Closing remarks</source>
        <translation>Palabras de clausura</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervención</translation>
    </message>
    <message>
        <source>Right of reply</source>
        <translation>Derecho de réplica</translation>
    </message>
    <message>
        <source>Point of order</source>
        <translation>Cuestión de orden</translation>
    </message>
    <message>
        <source>Local and regional governments</source>
        <translation>Gobiernos locales y regionales</translation>
    </message>
    <message>
        <source>National governments</source>
        <translation>Gobiernos nacionales</translation>
    </message>
    <message>
        <source>UN and international organisations</source>
        <translation>ONU y organizaciones internacionales</translation>
    </message>
    <message>
        <source>Civil society</source>
        <translation>Sociedad civil</translation>
    </message>
    <message>
        <source>Private sector</source>
        <translation>Sector privado</translation>
    </message>
    <message>
        <source>Academia</source>
        <translation>Academia</translation>
    </message>
    <message>
        <source>woman</source>
        <translation>mujer</translation>
    </message>
    <message>
        <source>man</source>
        <translation>hombre</translation>
    </message>
    <message>
        <source>non-binary</source>
        <translation>no binario</translation>
    </message>
    <message>
        <source>prefers not to say</source>
        <translation>prefiere no decirlo</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Key message</source>
        <translation>Mensaje clave</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Recomendación</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Compromiso</translation>
    </message>
    <message>
        <source>Partnership example</source>
        <translation>Ejemplo de alianza</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>No seleccionada</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondida</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Combinada</translation>
    </message>
    <message>
        <source>Guiding questions</source>
        <translation>Preguntas orientadoras</translation>
    </message>
    <message>
        <source>SDGs</source>
        <translation>ODS</translation>
    </message>
    <message>
        <source>WUF12 dialogues and themes</source>
        <translation>Diálogos y temas del WUF12</translation>
    </message>
    <message>
        <source>No poverty</source>
        <translation>Fin de la pobreza</translation>
    </message>
    <message>
        <source>Zero hunger</source>
        <translation>Hambre cero</translation>
    </message>
    <message>
        <source>Good health and well-being</source>
        <translation>Salud y bienestar</translation>
    </message>
    <message>
        <source>Quality education</source>
        <translation>Educación de calidad</translation>
    </message>
    <message>
        <source>Gender equality</source>
        <translation>Igualdad de género</translation>
    </message>
    <message>
        <source>Clean water and sanitation</source>
        <translation>Agua limpia y saneamiento</translation>
    </message>
    <message>
        <source>Affordable and clean energy</source>
        <translation>Energía asequible y no contaminante</translation>
    </message>
    <message>
        <source>Decent work and economic growth</source>
        <translation>Trabajo decente y crecimiento económico</translation>
    </message>
    <message>
        <source>Industry, innovation and infrastructure</source>
        <translation>Industria, innovación e infraestructura</translation>
    </message>
    <message>
        <source>Reduced inequalities</source>
        <translation>Reducción de las desigualdades</translation>
    </message>
    <message>
        <source>Sustainable cities and communities</source>
        <translation>Ciudades y comunidades sostenibles</translation>
    </message>
    <message>
        <source>Responsible consumption and production</source>
        <translation>Producción y consumo responsables</translation>
    </message>
    <message>
        <source>Climate action</source>
        <translation>Acción por el clima</translation>
    </message>
    <message>
        <source>Life below water</source>
        <translation>Vida submarina</translation>
    </message>
    <message>
        <source>Life on land</source>
        <translation>Vida de ecosistemas terrestres</translation>
    </message>
    <message>
        <source>Peace, justice and strong institutions</source>
        <translation>Paz, justicia e instituciones sólidas</translation>
    </message>
    <message>
        <source>Partnerships for the goals</source>
        <translation>Alianzas para lograr los objetivos</translation>
    </message>
    <message>
        <source>Housing our future</source>
        <translation>Vivienda para nuestro futuro</translation>
    </message>
    <message>
        <source>Stronger together</source>
        <translation>Más fuertes juntos</translation>
    </message>
    <message>
        <source>Financing localization and localizing finance</source>
        <translation>Financiar la localización y localizar la financiación</translation>
    </message>
    <message>
        <source>Putting people first in a digital era</source>
        <translation>Las personas primero en la era digital</translation>
    </message>
    <message>
        <source>The loss of home and urban crises</source>
        <translation>La pérdida del hogar y las crisis urbanas</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>a tiempo</translation>
    </message>
    <message>
        <source>SDG {number}: {name}</source>
        <translation>ODS {number}: {name}</translation>
    </message>
</context>
</TS>
