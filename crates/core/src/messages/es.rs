//! Spanish: every message and every key's help. Each is an exhaustive `match`, so a message or
//! a key missing here does not compile.

use super::{KeyHelp, Msg};

/// Every message.
pub(super) fn message(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        CalendarTitle => " Calendario ",
        CalendarOf => " Calendario de {} ",
        PersonShown => "Los calendarios muestran los días y el trabajo de {}",
        EveryoneShown => "Los calendarios muestran a todos",
        FormPersonTime => "Horario de {}",
        PersonTimeNow => "{}: {} h por día, {}",
        StepPersonTime => "horario de {}",
        GanttTitle => " Gantt · zoom por {} (z) · * camino crítico ",
        ZoomDay => "día",
        ZoomWeek => "semana",
        ZoomMonth => "mes",
        ActivityHeading => " Actividad",
        RowsOf => " {}–{} de {}",
        HoursPerDay => "{} h/día {}",
        HelpTitle => " Teclas · cualquier tecla cierra ",
        HelpPages => " Teclas {}/{} · ← → páginas · cualquier otra tecla cierra ",
        LegendTitle => "Leyenda",
        TooSmall => "Terminal demasiado pequeña: {}×{}. cronograma necesita al menos {}×{}.",
        ContextEverywhere => "En todas partes",
        ContextCalendar => "Calendarios",
        ContextGantt => "Gantt",
        ContextForm => "Formularios",
        ContextQuestion => "Preguntas",
        ContextHelp => "Ayuda",
        ContextPalette => "Paleta de comandos",
        PaletteTitle => "Comandos · escribe para filtrar",
        PaletteNothing => "Ningún comando coincide con «{}»",
        HintRun => "ejecutar",
        HintMove => "mover",
        HintMonth => "mes",
        HintHoliday => "feriado",
        HintShiftHoliday => "mover feriado",
        HintGanttPane => "Gantt",
        HintCalendarPane => "calendarios",
        HintSelect => "elegir",
        HintHours => "horas",
        HintEdit => "editar",
        HintAdd => "agregar",
        HintDelete => "borrar",
        HintReorder => "ordenar",
        HintSearch => "buscar",
        HintView => "vista",
        HintUndo => "deshacer",
        HintSave => "guardar",
        HintHelp => "ayuda",
        HintQuit => "salir",
        HintAccept => "aceptar",
        HintCancel => "cancelar",
        HintNextField => "campo siguiente",
        UnsavedTitle => "Cambios sin guardar",
        UnsavedText => "El plan tiene cambios que no se guardaron.",
        AnswerSaveQuit => "guardar y salir",
        AnswerDiscardQuit => "descartar y salir",
        AnswerCancel => "cancelar",
        DeleteTitle => "Borrar actividad",
        DeleteText => "¿Borrar {} ({} h) {}?",
        AnswerDelete => "borrar",
        AnswerKeep => "dejarla",
        ChangedTitle => "Cambió en el disco",
        ChangedText => "Otro programa cambió {} desde que se abrió.",
        AnswerOverwrite => "sobrescribirlo",
        AnswerReload => "recargarlo (se pierden tus cambios)",
        ReloadTitle => "Recargar",
        ReloadText => "¿Descartar los cambios sin guardar y cargar {} del disco?",
        AnswerReloadYes => "recargar",
        AnswerKeepEditing => "seguir editando",
        RecoverTitle => "Hay cambios sin guardar",
        RecoverText => {
            "Una sesión anterior de {} terminó con cambios sin guardar; quedaron en {}.recover."
        }
        AnswerRecover => "recuperarlos",
        AnswerDeleteThem => "borrarlos",
        AnswerLater => "decidir después",
        FieldCode => "Código",
        FieldName => "Nombre",
        FieldHours => "Horas",
        FieldWho => "Quién",
        FieldAfter => "Después de",
        FieldNotBefore => "No antes del",
        FieldTitle => "Título",
        FieldStart => "Inicio",
        FieldHoursADay => "Horas por día",
        FieldDayStarts => "El día empieza",
        FieldWorkingDays => "Días de trabajo",
        FieldLanguage => "Idioma (es, en, pt-BR, fr…)",
        FieldDayHours => "Horas (0: día libre) o ventanas (14:00-18:00)",
        FieldCalendarOrIcs => "Calendario o archivo .ics",
        FieldImportAs => "Como (feriados, ocupado, una persona)",
        ImportAsHolidays => "feriados",
        ImportAsUnknown => "\"{}\" no es feriados, ocupado ni una persona del plan{}",
        StepImportedBusy => "tiempo ocupado de {}",
        FieldCsvFile => "Archivo CSV",
        FieldHoursPerDay => "Horas por día",
        FieldDayStartsAt => "El día empieza a las",
        FieldWindows => "Ventanas",
        FieldSearch => "Código o nombre",
        FormEditActivity => "Editar actividad {} · {} → {}",
        FormNewActivity => "Nueva actividad",
        FormHolidayOn => "Feriado el {}",
        FormHolidayRange => "Feriado {}",
        FormShortDay => "Día corto el {}",
        FormExtraDay => "Día de trabajo extra el {}",
        FormImportHolidays => {
            "Importar feriados u ocupado · país (ar), región o .ics · Tab completa"
        }
        FormImportActivities => "Actividades de una planilla (reemplazan las del plan)",
        FormExport => "Exportar el plan",
        FieldExportFormat => "Formato (xlsx, pdf, md, csv, svg, ics, json, mermaid, tjp, mspdi)",
        FieldExportFile => "Archivo (vacío: junto al plan, con su nombre)",
        ExportUnknownFormat => "«{}» no es un formato: {}",
        ExportStarted => "Exportando a {}…",
        ExportDone => "Exportado a {} ({} KB)",
        ExportFailed => "No se exportó a {}: {}",
        ExportBug => "la exportación falló (es un error del programa: por favor, avísanos)",
        ExportRunning => "Ya hay una exportación en curso",
        FormWorkingTime => "Horario de trabajo",
        FormNewPlan => "Plan nuevo {} · Esc sale sin escribir nada",
        FormSearch => "Buscar (n siguiente, N anterior)",
        Saved => "Guardado {}",
        NotSaved => "{}: no se guardó: {}",
        Reloaded => "Recargado {}",
        ReloadedFromDisk => "{} cambió en el disco: recargado",
        ChangedUnusable => {
            "{} cambió en el disco pero no se puede usar; sigue el plan en pantalla: {}"
        }
        ChangedWillAsk => "{} cambió en el disco; al guardar se pregunta antes de sobrescribirlo",
        NotRecovered => "No se recuperó: {}",
        Recovered => "Cambios recuperados: s los guarda",
        DeletedFile => "Borrado {}",
        CannotDelete => "{}: no se puede borrar: {}",
        RecoveryKept => "{} se conserva; se ofrece otra vez la próxima",
        PlanStartsOn => "El plan ahora empieza el {}",
        RangeCancelled => "Rango cancelado",
        SyncStarted => "Sincronizando con el servidor de calendario… (Esc cancela)",
        SyncProgress => {
            "Sincronizando con el servidor de calendario: {} de {} cambios (Esc cancela)"
        }
        SyncDone => {
            "Servidor de calendario al día: {} creados, {} actualizados, {} borrados, {} sin cambios"
        }
        SyncRefused => {
            "; {} respuestas del servidor nombraban lugares fuera del calendario y no se tocaron"
        }
        StatusDateMoved => {
            "Hay horas registradas hasta el {}, después del {}: el plan se sigue a esa fecha"
        }
        HeaderOverAllocated => "sobreasignación: {} ({} días)",
        SyncFailed => "Sincronización detenida: {}",
        SyncNoServer => "No hay servidor de calendario: pon sync: (url: \"…\") en config.ron",
        SyncCancelling => "Cancelando la sincronización después del cambio en curso…",
        SyncRunning => "Ya hay una sincronización en curso (Esc la cancela)",
        PullStarted => "Leyendo el calendario de feriados del servidor…",
        PullNoServer => {
            "No hay calendario de feriados: pon holidays_url en sync: (…) de config.ron"
        }
        RangeFrom => "Rango desde el {}: ve a su último día y pulsa Espacio (Esc cancela)",
        NothingToUndo => "No hay nada para deshacer",
        NothingToChange => "nada que cambiar: el plan ya lo dice",
        NothingToRedo => "No hay nada para rehacer",
        Undid => "Deshecho: {}",
        Redid => "Rehecho: {}",
        NoActivitySelected => "No hay actividad elegida",
        LessThanAnHour => "A {} no se le puede quitar una hora: tiene menos",
        AtThatEnd => "La actividad ya está en ese extremo de la lista",
        NowAHoliday => "{} ahora es feriado",
        RangeNowHolidays => "{} ahora son feriados",
        NoLongerAHoliday => "{} ya no es feriado",
        AlreadyAHoliday => "{} ya es feriado",
        NotAHoliday => "{} no es feriado: no hay nada que mover",
        PastTheEnd => "Eso queda después del final del calendario",
        HolidayMoved => "Feriado movido del {} al {}",
        HoursGaveWayOne => "; el {} pierde sus horas propias",
        HoursGaveWayMany => "; {} días pierden sus horas propias: {}",
        DayHoursOnHoliday => "{}: {} h, aunque es feriado ({})",
        FormHolidayWorked => "Trabajar el {}, feriado ({})",
        UsualHoursAgain => "{} vuelve a tener las horas de siempre",
        DayHours => "{}: {} h",
        NeedsAnActivity => "Un plan necesita al menos una actividad",
        DeletedActivity => "Borrada {}",
        AddedActivity => "Agregada {}",
        EditedActivity => "Cambiada {}",
        HoursNow => "{} ahora lleva {} h",
        MovedActivity => "{} pasó al lugar {}",
        WorkingTimeNow => "Horario: {} h por día, {}",
        Created => "Creado {}: ponle nombre a la primera actividad (Esc la deja como está)",
        ActivitiesFrom => "{} actividades de {}",
        LoggedNotListed => "{} no está en la planilla, y el registro tiene horas suyas",
        CannotReadIt => "{}: no se puede leer: {}",
        NotANumberOfHours => "\"{}\" no es una cantidad de horas",
        ZeroHours => "0 no es una cantidad positiva de horas",
        Searching => "/{}",
        NotFound => "Ninguna actividad coincide con \"{}\"",
        Found => "{} de {}: {}",
        ZoomNow => "Zoom del Gantt: una columna por {}",
        FocusCalendars => "Las teclas van a los calendarios",
        FocusGantt => "Las teclas van al Gantt",
        DetailActivity => "{} {} · {} h · {} → {}",
        DetailCritical => "crítica",
        DetailAfter => "después de {}",
        DetailNotBefore => "no antes del {}",
        DetailWho => "de {}",
        DetailMilestone => "{} {} · hito · {}",
        DetailDayOff => "{} · día libre ({} h)",
        DetailRestDay => "{} · no laborable",
        DetailNothing => "{} · {} h libres",
        DetailBusy => "ocupado: {}",
        DetailAllDay => "todo el día",
        DetailHoliday => "{} · feriado: {}",
        DetailHolidayWorked => "{}: con {} h de trabajo igual",
        DetailHolidayDay => "{} (feriado)",
        CliCreated => "Se creó {}{}",
        CliCreatedFrom => " a partir de {}",
        BusyWeekly => "semanal",
        BusySkippedOne => " (1 semana omitida)",
        BusySkippedMany => " ({} semanas omitidas)",
        DocAgrees => "{}: las {} tablas de meses ({} días) coinciden con el cronograma",
        DocUpToDate => "{}: ya está al día",
        DocBroughtUpToDate => "{}: puesto al día ({} líneas escritas, {} quitadas)",
        DocCellDiffers => "{}, semana {}, {}: el documento dice {}, el cronograma dice {}",
        DocSaysNothing => "nada",
        DocMonthMissing => {
            "{}: el cronograma tiene trabajo este mes y el documento no tiene tabla para él"
        }
        DocDiffersOne => "{}: {} celda de las tablas difiere del cronograma",
        DocDiffersMany => "{}: {} celdas de las tablas difieren del cronograma",
        NotBundledYears => "{}: el calendario incluido tiene {}–{}; no tiene nada para {}",
        MovedEnd => "{} termina el {}, antes el {}",
        MovedStart => "{} empieza el {}, antes el {}",
        MovedMore => " y {} más",
        MovedFreed => "ya no está ocupado: {}",
        MovedAfter => "después de {}, que se movió",
        MovedLoad => "se movió otro trabajo de su responsable",
        StepHoliday => "feriado {}",
        StepNoHoliday => "quitar el feriado {}",
        StepHolidayMoved => "feriado movido del {} al {}",
        StepDayHours => "{} h el {}",
        StepUsualHours => "horas de siempre el {}",
        StepHours => "horas de {}",
        StepActivity => "cambios en {}",
        StepNewActivity => "nueva actividad {}",
        StepDeleted => "borrar {}",
        StepMoved => "mover {}",
        StepStart => "inicio del plan {}",
        StepWorkingTime => "horario de trabajo",
        StepImportedHolidays => "feriados de {}",
        StepPulledBusy => "tiempo ocupado de {} calendarios",
        BusyPulledNote => "ocupado: {} bloques traídos, {} reemplazados; {} actividades movidas",
        StepImportedActivities => "actividades de {}",
        StepRecovered => "cambios recuperados",
        LegendHolidayMark => "{}  feriado (en rojo); números tenues: días no laborables",
        LegendShared => "A3+  A3 y más actividades ese día",
        LegendCritical => "*  en el camino crítico: fija el final",
        LegendMilestone => "◆  un hito",
        LegendPartDay => "▌▐  parte del trabajo de un día",
        LegendBusy => "número azul: algo ocupado (una clase) quita parte del día",
        LegendColours => "número amarillo: un día con horas propias; subrayado: hoy",
        LegendMouse => "mouse: clic en un día o una fila; la rueda desplaza",
        TrackingOn => "Seguimiento activado: el trabajo restante empieza el {}",
        LoggedHours => "{}: {} h registradas el {}",
        MarkedDone => "{}: terminada",
        MarkedNotDone => "{}: ya no está terminada",
        EndsNow => "el plan termina el {}",
        SlipLate => "{} días hábiles de atraso",
        SlipLateOne => "1 día hábil de atraso",
        SlipEarly => "{} días hábiles de adelanto",
        SlipEarlyOne => "1 día hábil de adelanto",
        SlipNone => "a tiempo",
        BaselineSaved => "Línea base guardada el {}: {} actividades",
        BaselineExists => "el plan ya tiene una línea base, guardada el {}",
        MilestoneNotLogged => "{} es un hito: los hitos no se registran",
        NothingLogged => "{} no tiene horas registradas: regístrelas primero (L)",
        StatusHeading => "Estado al {}",
        StatusProgress => "Avance: {} % ({} h registradas, {} h restantes)",
        StatusEnd => "Fin previsto: {}",
        StatusBaselineEnd => "Fin en la línea base: {} ({})",
        StatusWeek => "Semana {} (del {} al {}): {} h planificadas, {} h registradas",
        StatusBusy => "El tiempo ocupado quita {} h de trabajo del {} al final",
        StatusLate => "Atrasadas respecto de la línea base: {}",
        StatusNoneLate => "Ninguna actividad está atrasada respecto de la línea base",
        ColumnActivity => "Actividad",
        ColumnState => "Estado",
        ColumnLogged => "Registradas",
        ColumnRemaining => "Restantes",
        ColumnStart => "Inicio",
        ColumnEnd => "Fin",
        ColumnSlip => "Desvío",
        SheetActivities => "Actividades",
        SheetCalendar => "Calendario",
        SheetGantt => "Gantt",
        ColumnCode => "Código",
        ColumnName => "Nombre",
        ColumnPerson => "Persona",
        ColumnHours => "Horas",
        ColumnWorkingDays => "Días hábiles",
        ColumnAfter => "Después de",
        ColumnCritical => "Crítica",
        ColumnProgress => "Avance",
        ColumnBaselineStart => "Inicio (línea base)",
        ColumnBaselineEnd => "Fin (línea base)",
        RowTotal => "Total",
        ReportSpan => "Del {} al {}",
        ReportEffort => "{} h de trabajo en {} días hábiles",
        ReportWorkingTime => "Horario: {} ({})",
        ReportPeople => "Personas: {}",
        ReportYes => "sí",
        ReportHolidays => "Feriados",
        ReportDate => "Fecha",
        StatusDateMark => "Fecha de estado: {}",
        StateDone => "terminada",
        StateInProgress => "en curso",
        StateNotStarted => "sin empezar",
        HeaderProgress => "{} % hecho",
        FormLog => "Registrar horas el {}",
        FormLogged => "{} (registrado: {})",
        FieldActivity => "Actividad",
        FieldNote => "Nota",
        StepLog => "horas de {} el {}",
        StepDone => "{} terminada",
        StepNotDone => "{} no terminada",
        StepBaseline => "línea base",
        BaselineTitle => "¿Reemplazar la línea base?",
        BaselineText => {
            "El plan tiene una línea base guardada el {}. ¿Reemplazarla por el cronograma actual?"
        }
        AnswerReplace => "reemplazar",
        DetailTracked => "registradas {} h · restantes {} h · {}",
        LegendLogged => "A2 subrayado, █ en negrita: horas registradas",
        LegendPlanned => "▓ tenue: por hacer · │ fecha de estado · _ línea base",
        HintLog => "registrar horas",
        HintDone => "terminada",
        HintBaseline => "línea base",
        LogAfterToday => "{} es posterior a hoy, {}: se registran horas de días que ya llegaron",
        NoSuchCode => "ninguna actividad tiene el código {}",
        LogRemoved => "{}: se quitaron las horas del {}",
        CheckSpan => "período",
        CheckTotalHours => "horas en total",
        CheckWorkingDays => "días hábiles",
        CheckWorkingTime => "horario",
        CheckBusyTime => "tiempo ocupado",
        CheckHoursADay => "{} h por día {}, {}",
        CheckFrom => "desde las {}",
        CheckBusyTaken => "{} h de horario ocupadas en el período",
        CheckCriticalPath => "camino crítico (*): {}",
        CheckOverAllocated => "sobreasignado: {} {} ({})",
        CheckDayOne => "1 día",
        CheckDays => "{} días",
        CheckHoursOf => "{} {} h de {}",
        ImportAddedHoliday => "se agregó 1 feriado",
        ImportAddedHolidays => "se agregaron {} feriados",
        ImportAddedBusyOne => "se agregó 1 bloque ocupado (ocurrencias: {})",
        ImportAddedBusyMany => "se agregaron {} bloques ocupados (ocurrencias: {})",
        ImportReplacing => ", en lugar de {} traídos antes",
        ImportSkipped => "; se omitieron {}",
        SkipTimedOne => "{} evento con hora",
        SkipTimedMany => "{} eventos con hora",
        SkipCancelled => "cancelados: {}",
        SkipInvalid => "inválidos: {} ({})",
        SkipOutside => "{} fuera de {} – {}",
        SkipFasterThanDaily => "repetidos más de una vez por día: {} ({})",
        SkipFasterThanHourly => "repetidos más de una vez por hora: {} ({})",
        SkipHolidayOne => "{} que ya es feriado",
        SkipHolidayMany => "{} que ya son feriados",
        SkipUnreadable => "ilegibles: {} ({})",
        SkipTransparent => "transparentes (libres): {}",
        SkipOwn => "eventos del propio plan: {}",
        SkipAlreadyBusy => "ya ocupados en el plan: {}",
        ImportCut => {
            "; el evento de la línea {} se repite más allá del límite de {} veces: se tomaron {}, hasta el {}"
        }
        ImportUnknownZone => "; un TZID desconocido se leyó como hora local ({})",
        ImportLatin1 => " (el archivo no es UTF-8: se leyó como Latin-1)",
        LineOne => "línea {}",
        LinesMany => "líneas {}",
        AndMore => " y {} más",
        FaultNotADate => "\"{}\" no es una fecha escrita como AAAA-MM-DD",
        FaultNotADay => "\"{}\" no es un día del calendario",
        FaultNotATime => "\"{}\" no es una hora escrita como HH:MM (de 00:00 a 23:59)",
        FaultNotAMoment => "\"{}\" no es un momento escrito como AAAA-MM-DDTHH:MM",
        FaultNotALocale => {
            "\"{}\" no es un idioma conocido; escribe un idioma y, si quieres, una región, como \"es\", \"en\", \"pt-BR\", \"fr\" o \"de\""
        }
        FaultNotAWindow => "\"{}\" no es una ventana escrita como HH:MM-HH:MM, de 00:00 a 24:00",
        FaultClosesFirst => {
            "la ventana \"{}\" cierra antes de abrir (una ventana termina a las 24:00 del mismo día a más tardar)"
        }
        FaultOffQuarter => "la ventana \"{}\" no cae en cuartos de hora (:00, :15, :30, :45)",
        FaultOverlaps => {
            "la ventana \"{}\" empieza antes de que termine \"{}\": las ventanas van en el orden del día y no se superponen"
        }
        FaultTooManyWindows => "un día tiene como mucho 96 ventanas",
        FaultNoWindows => "la lista de ventanas está vacía: da al menos una, como \"09:00-13:00\"",
        FaultHoursNegative => "{} no es una cantidad positiva de horas",
        FaultHoursNotQuarter => "{} no es múltiplo de un cuarto de hora (0,25)",
        FaultHoursTooLarge => "{} son más horas de las que cronograma acepta (1000000 como mucho)",
        FaultUnreadable => "no se puede leer: {}",
        FaultTooLarge => "el archivo pasa de los {} bytes que puede tener un calendario",
        FaultNotACalendar => "no es un archivo iCalendar: no empieza con BEGIN:VCALENDAR",
        FaultBadCalendar => "no es un archivo iCalendar válido: línea {}: {}",
        FaultAfterCalendar => "un componente después de END:VCALENDAR que no es otro VCALENDAR",
        FaultTooDeep => "hay componentes anidados a más de {} niveles",
        FaultEndWithoutBegin => "END:{} sin su BEGIN",
        FaultMismatched => "END:{} cierra el BEGIN:{} de la línea {}",
        FaultCutShort => {
            "el archivo termina antes de END:{} (BEGIN:{} está en la línea {}): puede haber quedado cortado"
        }
        FaultTooManyRepeats => {
            "línea {}: los eventos se repiten más de {} veces entre el {} y el {}"
        }
        FaultTooManyPeriods => "línea {}: más de {} períodos ocupados entre el {} y el {}",
        FaultNoSuchCalendar => {
            "ningún calendario incluido se llama así; `cronograma holidays list` los nombra"
        }
        FaultNoSuchSubdivision => {
            "{} no tiene la subdivisión \"{}\"; `cronograma holidays list {}` las nombra"
        }
        FaultNotAPerson => "\"{}\" no es una de las personas del plan",
        FaultDtd => {
            "el archivo declara una DTD, que el XML de MS Project nunca tiene: no se lee (sus entidades podrían crecer sin límite)"
        }
        FaultXmlDeep => {
            "hay elementos anidados a más de {} niveles (línea {}), como ningún archivo real: no se lee"
        }
        FaultXmlMalformed => "no es XML bien formado: {}",
        FaultNotAProject => {
            "no es XML de MS Project: el documento es <{}>, donde MSPDI tiene <Project xmlns=\"{}\">"
        }
        FaultNotAWeekday => "\"{}\" no es un día de la semana (lun … dom, o Mon … Sun)",
        FaultBackwards => "\"{}\": el rango va hacia atrás",
        FaultNoWeekdays => {
            "ningún día de la semana: escribe los días de trabajo, como lun mar mié jue vie"
        }
        FaultPastTheCalendar => "la actividad {} pasaría del año 9999",
        FaultCycle => "las actividades {} se esperan unas a otras en círculo",
        Just => "{}",
        Located => "{}: {}",
        LabelError => "error",
        LabelWarning => "aviso",
        LabelHint => "sugerencia",
        LabelNote => "nota",
        CsvNoHeader => "el archivo no tiene línea de encabezado",
        CsvHeaderUnreadable => "no se puede leer la línea de encabezado: {}",
        CsvNoColumn => "no hay columna `{}` (las columnas son: {})",
        CsvRowUnreadable => "no se puede leer la fila: {}",
        CsvNotHours => "\"{}\" no es una cantidad de horas",
        CsvNoActivities => "el archivo no tiene actividades bajo su encabezado",
        TipCsvColumns => {
            "la primera línea nombra las columnas: code, name, hours (y, si quieres, who, after, not_before)"
        }
        TipCsvQuote => "pon entre comillas las celdas que tengan el separador o saltos de línea",
        TipCsvHours => {
            "las horas son números en pasos de un cuarto de hora: 42, 7.5, 7,5, 0.25 (0 para un hito)"
        }
        TipDateFormat => "escribe las fechas como AAAA-MM-DD",
        InputTooLarge => "el archivo pasa de {} bytes",
        PasswordUnreadable => "no se puede leer el archivo de la contraseña: {}",
        ProjectNotUtf8 => "el archivo no es texto UTF-8",
        TipProjectUtf8 => "MS Project escribe sus archivos XML en UTF-8",
        TipExportMspdi => {
            "exporta el proyecto desde MS Project, ProjectLibre o GanttProject como XML (MSPDI)"
        }
        NoActivityRead => "no se pudo leer ninguna actividad",
        TipActivityLines => {
            "las actividades se escriben como `* **Actividad Nº1 (A1):** nombre *Duración: 42 horas.*` o `* **Activity 1 (A1):** name *Duration: 42 hours.*`"
        }
        NothingToCompare => {
            "no se pudo leer ninguna actividad, así que no hay cronograma con el que comparar"
        }
        TipNamePlan => "nombra el plan con el que comparar: cronograma check --doc DOC.md PLAN",
        ImportedTask => "tarea {} \"{}\": {}",
        PlanTooLarge => {
            "el plan que saldría tendría {} bytes, más de los {} que puede tener un plan"
        }
        PlanTooLargeBecause => {
            "el plan que saldría tendría {} bytes, más de los {} que puede tener un plan; solo la actividad {} tiene {} bytes de texto"
        }
        TipShorten => "acorta ese texto en el archivo e impórtalo de nuevo",
        WouldNotOpen => "el plan que saldría no se podría volver a abrir: {}",
        Unschedulable => "el plan que saldría no se puede programar: {}",
        TipCheckTasks => "revisa las fechas, el trabajo y los vínculos de la tarea en el archivo",
        LogsUnlisted => "{} registra horas de {}, que la planilla no incluye",
        TipKeepRow => "conserva su fila, o quita antes sus entradas del registro del plan",
        NoPlanParts => {
            "no hay partes del plan que poner al día (frase de inicio, lista de actividades, tablas de meses)"
        }
        TipWholeSection => {
            "`cronograma export PLAN --format md -o DOC.md` escribe una sección nueva entera"
        }
        BusyNotAPerson => {
            "\"{}\" no es una de las personas del plan: agrégala antes a `people`, o quita --who para que el tiempo ocupado sea de todos"
        }
        FromAfterTo => {
            "el primer día a importar, {}, es posterior al último, {}: elige --from y --to de modo que no quede ningún día afuera"
        }
        NoSuchCommand => "no hay ningún comando `{}`; `cronograma --help` los lista",
        Mistyped => {
            "`{}` no es un comando, y no hay ningún plan con ese nombre; ¿quisiste decir `cronograma {}`? (`cronograma --help` lista los comandos)"
        }
        LogAfterStatus => {
            "{} es posterior a la fecha de estado, {}: solo se registran horas de días que ya llegaron (da una fecha de estado posterior con --as-of)"
        }
        NothingChangedBecause => "{}: {}; no se cambió nada",
        TipReplaceBaseline => {
            "cronograma baseline --replace {} guarda en su lugar el cronograma tal como está ahora"
        }
        Untracked => "{}: el plan todavía no tiene seguimiento: no tiene `log`",
        TipFirstLog => {
            "registra las primeras horas con `cronograma log CÓDIGO HORAS {}`, o agrega `log: []` al plan"
        }
        UnknownCode => "ninguna actividad tiene el código \"{}\" (los códigos son {})",
        WhichCalendar => {
            "¿qué calendario? da --url URL, o nómbralo una vez en el archivo de configuración: {} (README.md, \"Settings\")"
        }
        NoPassword => {
            "--user necesita una contraseña: define CRONOGRAMA_CALDAV_PASSWORD, o nombra un archivo secreto como password_file en el archivo de configuración (nunca se toma de la línea de comandos)"
        }
        NoBusyCalendars => {
            "no hay calendarios de tiempo ocupado: nómbralos en el archivo de configuración como sync: (url: \"…\", busy: [\"https://…/facultad/\"]) (README.md, \"Busy time from calendars\")"
        }
        BusyForStranger => {
            "el calendario de tiempo ocupado {} es de \"{}\", que no es una de las personas del plan: agrégala a `people`, o corrige `who` en el archivo de configuración"
        }
        PlanExists => "{} ya existe: ábrelo con `cronograma {}` (new nunca reemplaza un archivo)",
        NoTerminalToAsk => {
            "no hay terminal donde preguntar: da --yes para los valores por omisión, o los valores como opciones (--title, --start, --hours-per-day, --day-start, --workdays, --locale)"
        }
        OutputExists => {
            "{} ya existe; da --force para reemplazarlo, o -o para nombrar otro archivo"
        }
        IntoWithProject => {
            "--into toma una planilla (.csv); un archivo de MS Project hace un plan entero: da -o PLAN"
        }
        IntoWithDocument => {
            "--into reemplaza las actividades de un plan por las de una planilla (.csv); un documento hace un plan entero: da -o PLAN"
        }
        GoesWith => "{} va con --format {}",
        BinaryToTerminal => {
            "--format {} es un archivo binario, no para una terminal: nómbralo con -o plan.{}"
        }
        NotCanonical => "{}: no está en forma canónica",
        TipFmt => "ejecuta `cronograma fmt {}` para reescribirlo",
        NoTerminal => "la vista interactiva necesita una terminal, y no se pudo abrir ninguna ({})",
        TipNoTerminal => "check, cal, export y status funcionan sin ella",
        CannotWrite => "{}: no se puede escribir: {}",
        RuleNotTracked => "el plan no tiene seguimiento: no tiene `log`",
        TipNotTracked => {
            "agrega `log: []` al plan (o registra horas con `cronograma log`) para seguir su avance"
        }
        RuleMilestoneHasNoWork => "{} es un hito: no tiene trabajo que terminar",
        TipMilestoneHasNoWork => "un hito se alcanza cuando termina lo que espera; quita el campo",
        RuleDoneWithoutLog => "{} está terminada pero no tiene horas registradas",
        TipDoneWithoutLog => {
            "registra antes las horas que llevó (`cronograma log CÓDIGO HORAS --date D`)"
        }
        RuleLogUnknownCode => "ninguna actividad tiene el código \"{}\"",
        TipLogUnknownCode => "registra las horas con el código de una actividad del plan",
        TipLogMilestone => "registra las horas en el trabajo que lleva a él",
        RuleLogTwice => "{} ya tiene horas registradas el {} ({})",
        TipLogTwice => "una entrada por fecha y código: suma las horas en una sola",
        RuleBothDayFields => "`windows` y `{}` dan los dos la jornada",
        TipBothDayFields => "deja `windows` (su suma son las horas del día) y quita el otro",
        RuleNoWorkingDay => {
            "el plan no da ni `hours_per_day` ni `windows`: ¿cuánto dura un día de trabajo?"
        }
        TipNoWorkingDay => {
            "agrega `hours_per_day: 8`, o `windows: [\"08:00-12:00\", \"13:00-17:00\"]`"
        }
        RulePastMidnight => "{} horas desde las {} terminan a las {}, después de la medianoche",
        TipPastMidnight => "acorta el día o empiézalo antes: la ventana debe caber en un día",
        RuleNotAWorkday => "{} no es un día laborable: no tiene ventanas que cambiar",
        TipNotAWorkday => "agrégalo a `workdays`, o da las ventanas de una fecha en `exceptions`",
        RuleWeekdayTwice => "{} ya tiene sus ventanas ({})",
        TipWeekdayTwice => "nombra cada día de la semana en un solo grupo",
        RuleNameEmpty => "el nombre está vacío",
        TipNameEmpty => "escribe el nombre que las actividades dan en `who`",
        RuleNameTwice => "\"{}\" ya está en la lista ({})",
        TipNameTwice => "pon a cada persona una sola vez",
        RuleNearlyAPerson => {
            "\"{}\" no es \"{}\" ({}): tal como está escrito, trabaja el horario del plan"
        }
        TipNearlyAPerson => "escribe el nombre exactamente como en `people`",
        RuleExceptionBoth => "{} da a la vez `hours` y `windows`",
        TipExceptionBoth => {
            "da las `hours` del día (las primeras de sus ventanas) o sus propias `windows`"
        }
        RuleExceptionNeither => "{} no da ni `hours` ni `windows`",
        TipExceptionNeither => {
            "da las `hours` del día (0 para un día libre) o sus propias `windows`"
        }
        RuleExceptionPastMidnight => {
            "{} horas desde la primera ventana ({}) pasan de la medianoche"
        }
        TipExceptionPastMidnight => "acorta el día, o dale sus propias `windows`",
        RuleExceptionTwice => "{} ya tiene sus horas ({})",
        TipExceptionTwice => "da una sola excepción por fecha",
        RuleNoWorkdays => {
            "no se trabaja ningún día de la semana, así que nunca se podría hacer el trabajo"
        }
        TipNoWorkdays => "enumera los días trabajados, como [Mon, Tue, Wed, Thu, Fri]",
        RuleWorkdayTwice => "{} aparece dos veces",
        TipWorkdayTwice => "pon cada día una sola vez",
        RuleBusyBackwards => "el bloque se repite hasta el {}, antes de su primer día, el {}",
        TipBusyBackwards => "un bloque se repite de `date` a `until`, ambos incluidos",
        RuleBusyTooLong => "los bloques ocupados abarcan juntos más de {} días",
        TipBusyTooLong => "da a cada repetición el último día en que de verdad ocurre",
        RuleHolidayBackwards => "{} es anterior al primer día del rango, {}",
        TipHolidayBackwards => "un rango va de `date` a `until`, ambos incluidos",
        RuleHolidayTwice => "{} ya es feriado ({})",
        TipHolidayTwice => "pon cada feriado una sola vez",
        RuleAfterUnknown => "\"{}\" no es el código de ninguna actividad",
        TipAfterUnknown => "`after` enumera códigos de otras actividades del plan",
        RuleAfterItself => "{} no puede esperarse a sí misma",
        TipAfterItself => "quítala de su propio `after`",
        RuleCircle => "{} se esperan unas a otras en círculo ({})",
        CircleSamePerson => "{} va después de {} porque las hace {}",
        CircleAfter => "{} espera a {}",
        PlansOnePerson => "la única persona del plan",
        TipCircle => "quita uno de esos vínculos `after`, o reordena las actividades de la persona",
        RuleNoActivities => "el plan no tiene actividades",
        TipNoActivities => "agrega una, como (code: \"A1\", name: \"Investigación\", hours: 40)",
        CodeEmpty => "el código está vacío",
        CodeHoldsBar => "\"{}\" contiene un `|`",
        CodeHoldsSpace => "\"{}\" contiene un espacio",
        CodeHoldsInvisible => "\"{}\" contiene el carácter invisible {}",
        TipBadCode => {
            "los códigos se escriben junto a los números de día: usa una palabra de caracteres visibles, como \"A1\" o \"Revisión\""
        }
        RuleCodeIsHolidayMark => {
            "\"{}\" es como las tablas marcan un feriado en el idioma de este plan (13 ({}))"
        }
        TipCodeIsHolidayMark => "dale a la actividad otro código, como \"F1\" o \"Fin\"",
        RuleWorkTooLarge => {
            "su trabajo son más horas de las que cronograma acepta (1000000 como mucho)"
        }
        TipWorkTooLarge => "divide el trabajo en actividades de un millón de horas como mucho",
        RuleCodeTwice => "\"{}\" ya es el código de {}",
        TipCodeTwice => {
            "los códigos nombran las actividades en los calendarios, así que cada uno debe ser único"
        }
        PlanUnreadable => "{}: no se puede leer el plan: {}",
        PlanTooBig => "{}: el archivo tiene {} bytes, más de los {} que puede tener un plan",
        PlanNotText => {
            "el archivo no es texto UTF-8 (es un archivo binario, o tiene otra codificación)"
        }
        TipSaveUtf8 => "guarda el plan como UTF-8",
        PlanNotSaved => "{}: no se puede guardar el plan: {} (el archivo en disco no cambió)",
        NoteNoCalendar => "el archivo no tiene calendario: de lunes a viernes, {}",
        NoteStartsMidDay => {
            "el proyecto empieza a las {}: su primer día, el {}, se trabaja desde entonces ({})"
        }
        NoteOffQuarter => "los horarios que no caen en cuartos de hora se llevan al cuarto: {}",
        NoteRepeatingException => {
            "una excepción de calendario que se repite, desde el {}, se lee solo como su primer período"
        }
        NoteSameName => {
            "{} recursos se llaman \"{}\": del segundo en adelante se distinguen por su ID de recurso, como \"{} (ID)\""
        }
        NoteSecondPeople => {
            "se dejan afuera {} asignaciones de una segunda persona a una tarea: una actividad tiene una sola persona"
        }
        NoteSummaries => "se dejan afuera {} tareas resumen (su trabajo es el de sus subtareas)",
        NoteCutAtMidnight => {
            "{} días registran más trabajo real de una persona del que cabe antes de la medianoche (varias personas en una tarea, o días largos): se conserva hasta la medianoche"
        }
        NoteUnrecorded => {
            "{} tareas tienen trabajo real sin registro día por día en el archivo ({}): se deja afuera; regístralo con `cronograma log CÓDIGO HORAS --date DÍA`"
        }
        NoteLogged => {
            "el trabajo real registrado día por día es el registro del plan: {} entradas, hasta el {}"
        }
        NoteLinkKept => {
            "{} después de {}: un vínculo {}{} se conserva como fin a comienzo sin demora"
        }
        NoteLag => " con una demora de {} min",
        LinkFinishToFinish => "fin a fin",
        LinkFinishToStart => "fin a comienzo",
        LinkStartToFinish => "comienzo a fin",
        LinkStartToStart => "comienzo a comienzo",
        LinkUnknown => "de tipo desconocido",
        NoteRounded => "{}: trabajo de {} min, tomado como {} h (en pasos de un cuarto de hora)",
        NoteTaskOne => "la tarea {} tiene {}",
        NoteTaskMany => "{} tareas ({}) tienen {}",
        KindElapsed => {
            "una duración transcurrida (días de 24 horas, todos los días), que se lee como tiempo de trabajo"
        }
        KindTaskCalendar => {
            "un calendario de tarea, que se deja afuera: se usa el calendario de la persona o del plan"
        }
        KindManual => {
            "programación manual en el archivo, que aquí se programa con las reglas del plan"
        }
        KindShared => {
            "trabajo compartido o a tiempo parcial (varias personas, o unidades por debajo del 100 %), que se lee como la duración de la tarea: la persona de un plan trabaja días completos"
        }
        KindConstraint => "la restricción \"{}\", que se deja afuera: un plan solo tiene \"{}\"",
        ConstraintAsSoonAsPossible => "lo antes posible",
        ConstraintAsLateAsPossible => "lo más tarde posible",
        ConstraintMustStartOn => "debe comenzar el",
        ConstraintMustFinishOn => "debe finalizar el",
        ConstraintStartNoEarlier => "no comenzar antes del",
        ConstraintStartNoLater => "no comenzar después del",
        ConstraintFinishNoEarlier => "no finalizar antes del",
        ConstraintFinishNoLater => "no finalizar después del",
        ConstraintUnknown => "desconocida",
        NoteMoved => {
            "{} actividades empiezan en otro momento que en el archivo ({}): se programan sobre el horario que el plan toma del archivo, y lo que las notas de arriba dejaron afuera ya no las retiene"
        }
        NoteEnglishForCode => {
            "el código de tarea \"{}\" es la marca de feriado de las tablas en español, así que el plan queda en inglés (con los feriados marcados H)"
        }
        DocProblemActivity => "actividad: {}",
        DocProblemStart => "frase de inicio: {}",
        DocProblemRow => "tabla {}: {}",
        DocProblemNoTable => "un encabezado de mes sin tabla debajo",
        DocProblemNoStart => {
            "no hay frase de inicio (`Del 13 de Septiembre del 2023 con 6 horas diarias …`): el inicio es el primer día de las tablas, con 8 horas diarias desde las 09:00"
        }
        WordsNoMonth => "no hay nombre de mes: escribe el inicio como `13 de Septiembre del 2023`",
        WordsNoDay => "no hay día del mes junto al nombre del mes",
        WordsNoYear => "no hay año (cuatro cifras) después del nombre del mes",
        WordsNotADay => "{}/{}/{} no es un día del calendario",
        WordsNoHoursADay => {
            "no hay horas diarias: escríbelas como `6 horas diarias` o `6 hours a day`"
        }
        WordsNotHours => "\"{}\" no es una cantidad de horas en pasos de un cuarto de hora",
        WordsNotAWindow => "de {} a {} no es una ventana del día en cuartos de hora",
        WordsWindowsDoNotAddUp => "las ventanas {} suman {} horas, no {}",
        WordsNotAnActivity => "una actividad empieza con `Actividad`, `Activity` o `Atividade`",
        WordsNoNumber => "no hay número después de la palabra `Actividad`/`Activity`",
        WordsNoCode => "no hay código entre paréntesis después del número, como `(A1)`",
        WordsCodeNotClosed => "el paréntesis del código no está cerrado",
        WordsNoEffort => "no hay `Duración: N horas` (o `Duration: N hours`, o `Hito`)",
        WordsRowCells => "una fila de {} celdas, no 8 (la semana y siete días)",
        WordsNoDayNumber => "\"{}\" no empieza con un número de día",
        WordsMarkOutsideParentheses => "\"{}\": lo que sigue al día va entre paréntesis",
        WordsUnexpectedDay => "el día {} donde se esperaba el {}",
    }
}

/// What each key does, as the help says it.
pub(super) fn help(help: KeyHelp) -> &'static str {
    use KeyHelp::*;
    match help {
        PreviousDay => "día anterior",
        NextDay => "día siguiente",
        PreviousWeek => "semana anterior",
        NextWeek => "semana siguiente",
        PreviousMonth => "mes anterior",
        NextMonth => "mes siguiente",
        PlansFirstDay => "primer día del plan",
        PlansLastDay => "último día del plan",
        Today => "hoy",
        HolidayOnOff => "poner/quitar feriado",
        MarkAHolidayRange => "marcar un rango de feriados",
        ShortOrExtraDay => "día corto / día extra",
        ImportHolidays => "importar feriados",
        ActivitiesFromCsv => "actividades de un CSV",
        ExportToAFile => "exportar a un archivo",
        HolidayADayEarlier => "feriado un día antes",
        HolidayADayLater => "feriado un día después",
        HolidayAWeekEarlier => "feriado una semana antes",
        HolidayAWeekLater => "feriado una semana después",
        SwitchFocus => "teclas a calendarios/Gantt",
        PreviousActivity => "actividad anterior",
        NextActivity => "actividad siguiente",
        PageOfActivitiesUp => "una página de actividades arriba",
        PageOfActivitiesDown => "una página de actividades abajo",
        FirstActivity => "primera actividad",
        LastActivity => "última actividad",
        OneHourMore => "una hora más",
        OneHourLess => "una hora menos",
        EditActivity => "editar actividad",
        AddActivityAfter => "agregar actividad después",
        DeleteActivity => "borrar actividad",
        MoveActivityUp => "subir actividad",
        MoveActivityDown => "bajar actividad",
        PlanStartsThisDay => "el plan empieza este día",
        WorkingHours => "horario de trabajo",
        PersonInTurn => "calendarios de una persona, por turno",
        LogHoursOnThisDay => "registrar horas en este día",
        DoneOrNot => "terminada / no terminada",
        SaveTheBaseline => "guardar la línea base",
        SyncTheCalendarServer => "sincronizar el servidor de calendario",
        HolidaysFromTheCalendarServer => "feriados del servidor de calendario",
        SearchCodesAndNames => "buscar códigos y nombres",
        NextMatch => "coincidencia siguiente",
        PreviousMatch => "coincidencia anterior",
        Undo => "deshacer",
        Redo => "rehacer",
        Save => "guardar",
        ShowPane => "ver calendarios/Gantt",
        Zoom => "zoom: día/semana/mes",
        ThisHelp => "esta ayuda",
        Quit => "salir",
        CancelARangeBeingMarked => "cancelar el rango que se marca",
        Suspend => "suspender (fg lo retoma)",
        Accept => "aceptar",
        Cancel => "cancelar",
        NextField => "campo siguiente",
        PreviousField => "campo anterior",
        DeleteACharacter => "borrar un carácter",
        DeleteUnderTheCursor => "borrar bajo el cursor",
        CursorLeft => "cursor a la izquierda",
        CursorRight => "cursor a la derecha",
        StartOfTheField => "principio del campo",
        EndOfTheField => "final del campo",
        DeleteToTheStart => "borrar hasta el principio",
        DeleteToTheEnd => "borrar hasta el final",
        DeleteTheWordBefore => "borrar la palabra anterior",
        Yes => "sí",
        SaveThenQuit => "guardar y salir",
        QuitWithoutSaving => "salir sin guardar",
        OverwriteTheFileOnDisk => "sobrescribir el archivo",
        ReloadTheFileFromDisk => "recargar el archivo",
        No => "no",
        NextPage => "página siguiente",
        PreviousPage => "página anterior",
        CloseTheHelp => "cerrar la ayuda",
        CommandPalette => "paleta de comandos: todas las acciones por nombre",
        RunTheCommand => "ejecutar el comando",
        PreviousCommand => "comando anterior",
        NextCommand => "comando siguiente",
        ClearTheFilter => "borrar lo escrito",
    }
}
