//! Portuguese (written as in Brazil; also for pt-PT): every message and every key's help. Each is an exhaustive `match`, so a
//! message or a key missing here does not compile.

use super::{KeyHelp, Msg};

/// Every message.
pub(super) fn message(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        CalendarTitle => " Calendário ",
        CalendarOf => " Calendário de {} ",
        PersonShown => "Os calendários mostram os dias e o trabalho de {}",
        EveryoneShown => "Os calendários mostram todos",
        FormPersonTime => "Horário de {}",
        PersonTimeNow => "{}: {} h por dia, {}",
        StepPersonTime => "horário de {}",
        GanttTitle => " Gantt · zoom por {} (z) · * caminho crítico ",
        ZoomDay => "dia",
        ZoomWeek => "semana",
        ZoomMonth => "mês",
        ActivityHeading => " Atividade",
        RowsOf => " {}–{} de {}",
        HoursPerDay => "{} h/dia {}",
        HelpTitle => " Teclas · qualquer tecla fecha ",
        HelpPages => " Teclas {}/{} · ← → páginas · qualquer outra tecla fecha ",
        LegendTitle => "Legenda",
        TooSmall => "Terminal pequeno demais: {}×{}. O cronograma precisa de pelo menos {}×{}.",
        ContextEverywhere => "Em qualquer lugar",
        ContextCalendar => "Calendários",
        ContextGantt => "Gantt",
        ContextForm => "Formulários",
        ContextQuestion => "Perguntas",
        ContextHelp => "Ajuda",
        ContextPalette => "Paleta de comandos",
        PaletteTitle => "Comandos · digite para filtrar",
        PaletteNothing => "Nenhum comando corresponde a «{}»",
        HintRun => "executar",
        HintMove => "mover",
        HintMonth => "mês",
        HintHoliday => "feriado",
        HintShiftHoliday => "mover feriado",
        HintGanttPane => "Gantt",
        HintCalendarPane => "calendários",
        HintSelect => "escolher",
        HintHours => "horas",
        HintEdit => "editar",
        HintAdd => "adicionar",
        HintDelete => "apagar",
        HintReorder => "ordenar",
        HintSearch => "buscar",
        HintView => "vista",
        HintUndo => "desfazer",
        HintSave => "salvar",
        HintHelp => "ajuda",
        HintQuit => "sair",
        HintAccept => "aceitar",
        HintCancel => "cancelar",
        HintNextField => "próximo campo",
        UnsavedTitle => "Alterações não salvas",
        UnsavedText => "O plano tem alterações que não foram salvas.",
        AnswerSaveQuit => "salvar e sair",
        AnswerDiscardQuit => "descartar e sair",
        AnswerCancel => "cancelar",
        DeleteTitle => "Apagar atividade",
        DeleteText => "Apagar {} ({} h) {}?",
        AnswerDelete => "apagar",
        AnswerKeep => "manter",
        ChangedTitle => "Mudou no disco",
        ChangedText => "Outro programa mudou {} desde que foi aberto.",
        AnswerOverwrite => "sobrescrever",
        AnswerReload => "recarregar (suas alterações se perdem)",
        ReloadTitle => "Recarregar",
        ReloadText => "Descartar as alterações não salvas e carregar {} do disco?",
        AnswerReloadYes => "recarregar",
        AnswerKeepEditing => "continuar editando",
        RecoverTitle => "Há alterações não salvas",
        RecoverText => {
            "Uma sessão anterior de {} terminou com alterações não salvas; elas estão em {}.recover."
        }
        AnswerRecover => "recuperá-las",
        AnswerDeleteThem => "apagá-las",
        AnswerLater => "decidir depois",
        FieldCode => "Código",
        FieldName => "Nome",
        FieldHours => "Horas",
        FieldWho => "Quem",
        FieldAfter => "Depois de",
        FieldNotBefore => "Não antes de",
        FieldTitle => "Título",
        FieldStart => "Início",
        FieldHoursADay => "Horas por dia",
        FieldDayStarts => "O dia começa",
        FieldWorkingDays => "Dias de trabalho",
        FieldLanguage => "Idioma (pt-BR, es, en, fr…)",
        FieldDayHours => "Horas (0: dia livre) ou janelas (14:00-18:00)",
        FieldCalendarOrIcs => "Calendário ou arquivo .ics",
        FieldImportAs => "Como (feriados, ocupado, uma pessoa)",
        ImportAsHolidays => "feriados",
        ImportAsUnknown => "\"{}\" não é feriados, ocupado nem uma pessoa do plano{}",
        StepImportedBusy => "tempo ocupado de {}",
        FieldCsvFile => "Arquivo CSV",
        FieldHoursPerDay => "Horas por dia",
        FieldDayStartsAt => "O dia começa às",
        FieldWindows => "Janelas",
        FieldSearch => "Código ou nome",
        FormEditActivity => "Editar atividade {} · {} → {}",
        FormNewActivity => "Nova atividade",
        FormHolidayOn => "Feriado em {}",
        FormHolidayRange => "Feriado {}",
        FormShortDay => "Dia curto em {}",
        FormExtraDay => "Dia de trabalho extra em {}",
        FormImportHolidays => {
            "Importar feriados ou ocupado · país (br), estado ou .ics · Tab completa"
        }
        FormImportActivities => "Atividades de uma planilha (substituem as do plano)",
        FormExport => "Exportar o plano",
        FieldExportFormat => "Formato (xlsx, pdf, md, csv, svg, ics, json, mermaid, tjp, mspdi)",
        FieldExportFile => "Arquivo (vazio: ao lado do plano, com o nome dele)",
        ExportUnknownFormat => "«{}» não é um formato: {}",
        ExportStarted => "Exportando para {}…",
        ExportDone => "Exportado para {} ({} KB)",
        ExportFailed => "Não exportado para {}: {}",
        ExportBug => "a exportação falhou (é um erro do programa: por favor, avise-nos)",
        ExportRunning => "Já há uma exportação em andamento",
        FormWorkingTime => "Horário de trabalho",
        FormNewPlan => "Novo plano {} · Esc sai sem escrever nada",
        FormSearch => "Buscar (n próximo, N anterior)",
        Saved => "Salvo {}",
        NotSaved => "{}: não foi salvo: {}",
        Reloaded => "Recarregado {}",
        ReloadedFromDisk => "{} mudou no disco: recarregado",
        ChangedUnusable => "{} mudou no disco mas não pode ser usado; segue o plano da tela: {}",
        ChangedWillAsk => "{} mudou no disco; ao salvar, pergunta-se antes de sobrescrevê-lo",
        NotRecovered => "Não foi recuperado: {}",
        Recovered => "Alterações recuperadas: s as salva",
        DeletedFile => "Apagado {}",
        CannotDelete => "{}: não é possível apagar: {}",
        RecoveryKept => "{} é mantido; será oferecido de novo na próxima vez",
        PlanStartsOn => "O plano agora começa em {}",
        RangeCancelled => "Intervalo cancelado",
        SyncStarted => "Sincronizando com o servidor de calendário… (Esc cancela)",
        SyncProgress => {
            "Sincronizando com o servidor de calendário: {} de {} alterações (Esc cancela)"
        }
        SyncDone => {
            "Servidor de calendário em dia: {} criados, {} atualizados, {} apagados, {} sem mudança"
        }
        SyncRefused => {
            "; {} respostas do servidor nomeavam lugares fora do calendário e não foram tocadas"
        }
        StatusDateMoved => {
            "Há horas registradas até {}, depois de {}: o plano é acompanhado nessa data"
        }
        HeaderOverAllocated => "sobrealocação: {} ({} dias)",
        SyncFailed => "Sincronização interrompida: {}",
        SyncNoServer => "Nenhum servidor de calendário: ponha sync: (url: \"…\") em config.ron",
        SyncCancelling => "Cancelando a sincronização depois da alteração em curso…",
        SyncRunning => "Já há uma sincronização em curso (Esc a cancela)",
        PullStarted => "Lendo o calendário de feriados do servidor…",
        PullNoServer => {
            "Nenhum calendário de feriados: ponha holidays_url em sync: (…) de config.ron"
        }
        RangeFrom => {
            "Intervalo a partir de {}: vá até o último dia e pressione Espaço (Esc cancela)"
        }
        NothingToUndo => "Não há nada para desfazer",
        NothingToChange => "nada a alterar: o plano já diz isso",
        NothingToRedo => "Não há nada para refazer",
        Undid => "Desfeito: {}",
        Redid => "Refeito: {}",
        NoActivitySelected => "Nenhuma atividade escolhida",
        LessThanAnHour => "Não dá para tirar uma hora de {}: tem menos",
        AtThatEnd => "A atividade já está nesse extremo da lista",
        NowAHoliday => "{} agora é feriado",
        RangeNowHolidays => "{} agora são feriados",
        NoLongerAHoliday => "{} não é mais feriado",
        AlreadyAHoliday => "{} já é feriado",
        NotAHoliday => "{} não é feriado: não há nada para mover",
        PastTheEnd => "Isso fica depois do fim do calendário",
        HolidayMoved => "Feriado movido de {} para {}",
        HoursGaveWayOne => "; {} perde suas horas próprias",
        HoursGaveWayMany => "; {} dias perdem suas horas próprias: {}",
        DayHoursOnHoliday => "{}: {} h, mesmo sendo feriado ({})",
        FormHolidayWorked => "Trabalhar em {}, feriado ({})",
        UsualHoursAgain => "{} volta a ter as horas de sempre",
        DayHours => "{}: {} h",
        NeedsAnActivity => "Um plano precisa de pelo menos uma atividade",
        DeletedActivity => "Apagada {}",
        AddedActivity => "Adicionada {}",
        EditedActivity => "Alterada {}",
        HoursNow => "{} agora tem {} h",
        MovedActivity => "{} passou para o lugar {}",
        WorkingTimeNow => "Horário: {} h por dia, {}",
        Created => "Criado {}: dê um nome à primeira atividade (Esc a deixa como está)",
        ActivitiesFrom => "{} atividades de {}",
        LoggedNotListed => "{} não está na planilha, e o registro tem horas dela",
        CannotReadIt => "{}: não é possível ler: {}",
        NotANumberOfHours => "\"{}\" não é uma quantidade de horas",
        ZeroHours => "0 não é uma quantidade positiva de horas",
        Searching => "/{}",
        NotFound => "Nenhuma atividade corresponde a \"{}\"",
        Found => "{} de {}: {}",
        ZoomNow => "Zoom do Gantt: uma coluna por {}",
        FocusCalendars => "As teclas vão para os calendários",
        FocusGantt => "As teclas vão para o Gantt",
        DetailActivity => "{} {} · {} h · {} → {}",
        DetailCritical => "crítica",
        DetailAfter => "depois de {}",
        DetailNotBefore => "não antes de {}",
        DetailWho => "de {}",
        DetailMilestone => "{} {} · marco · {}",
        DetailDayOff => "{} · dia livre ({} h)",
        DetailRestDay => "{} · dia não útil",
        DetailNothing => "{} · {} h livres",
        DetailBusy => "ocupado: {}",
        DetailAllDay => "o dia todo",
        DetailHoliday => "{} · feriado: {}",
        DetailHolidayWorked => "{}: com {} h de trabalho mesmo assim",
        DetailHolidayDay => "{} (feriado)",
        CliCreated => "Criado {}{}",
        CliCreatedFrom => " a partir de {}",
        BusyWeekly => "semanal",
        BusySkippedOne => " (1 semana pulada)",
        BusySkippedMany => " ({} semanas puladas)",
        DocAgrees => "{}: as {} tabelas de meses ({} dias) coincidem com o cronograma",
        DocUpToDate => "{}: já está em dia",
        DocBroughtUpToDate => "{}: atualizado ({} linhas escritas, {} removidas)",
        DocCellDiffers => "{}, semana {}, {}: o documento diz {}, o cronograma diz {}",
        DocSaysNothing => "nada",
        DocMonthMissing => {
            "{}: o cronograma tem trabalho neste mês e o documento não tem tabela para ele"
        }
        DocDiffersOne => "{}: {} célula das tabelas difere do cronograma",
        DocDiffersMany => "{}: {} células das tabelas diferem do cronograma",
        NotBundledYears => "{}: o calendário incluído tem {}–{}; não tem nada para {}",
        MovedEnd => "{} termina em {}, antes em {}",
        MovedStart => "{} começa em {}, antes em {}",
        MovedMore => " e mais {}",
        MovedFreed => "não está mais ocupado: {}",
        MovedAfter => "depois de {}, que mudou",
        MovedLoad => "outro trabalho do seu responsável mudou",
        StepHoliday => "feriado {}",
        StepNoHoliday => "tirar o feriado {}",
        StepHolidayMoved => "feriado movido de {} para {}",
        StepDayHours => "{} h em {}",
        StepUsualHours => "horas de sempre em {}",
        StepHours => "horas de {}",
        StepActivity => "alterações em {}",
        StepNewActivity => "nova atividade {}",
        StepDeleted => "apagar {}",
        StepMoved => "mover {}",
        StepStart => "início do plano {}",
        StepWorkingTime => "horário de trabalho",
        StepImportedHolidays => "feriados de {}",
        StepPulledBusy => "tempo ocupado de {} calendários",
        BusyPulledNote => "ocupado: {} blocos trazidos, {} substituídos; {} atividades mudaram",
        StepImportedActivities => "atividades de {}",
        StepRecovered => "alterações recuperadas",
        LegendHolidayMark => "{}  feriado (em vermelho); números apagados: dias não úteis",
        LegendShared => "A3+  A3 e mais atividades nesse dia",
        LegendCritical => "*  no caminho crítico: define o fim",
        LegendMilestone => "◆  um marco",
        LegendPartDay => "▌▐  parte do trabalho de um dia",
        LegendBusy => "número azul: algo ocupado (uma aula) tira parte do dia",
        LegendColours => "número amarelo: um dia com horas próprias; sublinhado: hoje",
        LegendMouse => "mouse: clique num dia ou numa linha; a roda rola",
        TrackingOn => "Acompanhamento ativado: o trabalho restante começa em {}",
        LoggedHours => "{}: {} h registradas em {}",
        MarkedDone => "{}: concluída",
        MarkedNotDone => "{}: não está mais concluída",
        EndsNow => "o plano termina em {}",
        SlipLate => "{} dias úteis de atraso",
        SlipLateOne => "1 dia útil de atraso",
        SlipEarly => "{} dias úteis de adiantamento",
        SlipEarlyOne => "1 dia útil de adiantamento",
        SlipNone => "no prazo",
        BaselineSaved => "Linha de base salva em {}: {} atividades",
        BaselineExists => "o plano já tem uma linha de base, salva em {}",
        MilestoneNotLogged => "{} é um marco: marcos não são registrados",
        NothingLogged => "{} não tem horas registradas: registre-as primeiro (L)",
        StatusHeading => "Situação em {}",
        StatusProgress => "Progresso: {} % ({} h registradas, {} h restantes)",
        StatusEnd => "Fim previsto: {}",
        StatusBaselineEnd => "Fim na linha de base: {} ({})",
        StatusWeek => "Semana {} (de {} a {}): {} h planejadas, {} h registradas",
        StatusBusy => "O tempo ocupado tira {} h de trabalho de {} até o fim",
        StatusLate => "Atrasadas em relação à linha de base: {}",
        StatusNoneLate => "Nenhuma atividade está atrasada em relação à linha de base",
        ColumnActivity => "Atividade",
        ColumnState => "Situação",
        ColumnLogged => "Registradas",
        ColumnRemaining => "Restantes",
        ColumnStart => "Início",
        ColumnEnd => "Fim",
        ColumnSlip => "Desvio",
        SheetActivities => "Atividades",
        SheetCalendar => "Calendário",
        SheetGantt => "Gantt",
        ColumnCode => "Código",
        ColumnName => "Nome",
        ColumnPerson => "Pessoa",
        ColumnHours => "Horas",
        ColumnWorkingDays => "Dias úteis",
        ColumnAfter => "Depois de",
        ColumnCritical => "Crítica",
        ColumnProgress => "Progresso",
        ColumnBaselineStart => "Início (linha de base)",
        ColumnBaselineEnd => "Fim (linha de base)",
        RowTotal => "Total",
        ReportSpan => "De {} a {}",
        ReportEffort => "{} h de trabalho em {} dias úteis",
        ReportWorkingTime => "Horário: {} ({})",
        ReportPeople => "Pessoas: {}",
        ReportYes => "sim",
        ReportHolidays => "Feriados",
        ReportDate => "Data",
        StatusDateMark => "Data de situação: {}",
        StateDone => "concluída",
        StateInProgress => "em andamento",
        StateNotStarted => "não iniciada",
        HeaderProgress => "{} % feito",
        FormLog => "Registrar horas em {}",
        FormLogged => "{} (registrado: {})",
        FieldActivity => "Atividade",
        FieldNote => "Nota",
        StepLog => "horas de {} em {}",
        StepDone => "{} concluída",
        StepNotDone => "{} não concluída",
        StepBaseline => "linha de base",
        BaselineTitle => "Substituir a linha de base?",
        BaselineText => {
            "O plano tem uma linha de base salva em {}. Substituí-la pelo cronograma atual?"
        }
        AnswerReplace => "substituir",
        DetailTracked => "registradas {} h · restantes {} h · {}",
        LegendLogged => "A2 sublinhado, █ em negrito: horas registradas",
        LegendPlanned => "▓ apagado: a fazer · │ data de situação · _ linha de base",
        HintLog => "registrar horas",
        HintDone => "concluída",
        HintBaseline => "linha de base",
        LogAfterToday => "{} é depois de hoje, {}: registram-se horas de dias que já chegaram",
        NoSuchCode => "nenhuma atividade tem o código {}",
        LogRemoved => "{}: as horas de {} foram retiradas",
        CheckSpan => "período",
        CheckTotalHours => "horas no total",
        CheckWorkingDays => "dias úteis",
        CheckWorkingTime => "horário",
        CheckBusyTime => "tempo ocupado",
        CheckHoursADay => "{} h por dia {}, {}",
        CheckFrom => "a partir das {}",
        CheckBusyTaken => "{} h de horário ocupadas no período",
        CheckCriticalPath => "caminho crítico (*): {}",
        CheckOverAllocated => "sobrealocado: {} {} ({})",
        CheckDayOne => "1 dia",
        CheckDays => "{} dias",
        CheckHoursOf => "{} {} h de {}",
        ImportAddedHoliday => "adicionado 1 feriado",
        ImportAddedHolidays => "adicionados {} feriados",
        ImportAddedBusyOne => "adicionado 1 bloco ocupado (ocorrências: {})",
        ImportAddedBusyMany => "adicionados {} blocos ocupados (ocorrências: {})",
        ImportReplacing => ", no lugar de {} trazidos antes",
        ImportSkipped => "; omitidos {}",
        SkipTimedOne => "{} evento com horário",
        SkipTimedMany => "{} eventos com horário",
        SkipCancelled => "cancelados: {}",
        SkipInvalid => "inválidos: {} ({})",
        SkipOutside => "{} fora de {} – {}",
        SkipFasterThanDaily => "repetidos mais de uma vez por dia: {} ({})",
        SkipFasterThanHourly => "repetidos mais de uma vez por hora: {} ({})",
        SkipHolidayOne => "{} que já é feriado",
        SkipHolidayMany => "{} que já são feriados",
        SkipUnreadable => "ilegíveis: {} ({})",
        SkipTransparent => "transparentes (livres): {}",
        SkipOwn => "eventos do próprio plano: {}",
        SkipAlreadyBusy => "já ocupados no plano: {}",
        ImportCut => {
            "; o evento da linha {} se repete além do limite de {} vezes: ficaram {}, até {}"
        }
        ImportUnknownZone => "; um TZID desconhecido foi lido como hora local ({})",
        ImportLatin1 => " (o arquivo não é UTF-8: foi lido como Latin-1)",
        LineOne => "linha {}",
        LinesMany => "linhas {}",
        AndMore => " e mais {}",
        FaultNotADate => "\"{}\" não é uma data escrita como AAAA-MM-DD",
        FaultNotADay => "\"{}\" não é um dia do calendário",
        FaultNotATime => "\"{}\" não é uma hora escrita como HH:MM (de 00:00 a 23:59)",
        FaultNotAMoment => "\"{}\" não é um momento escrito como AAAA-MM-DDTHH:MM",
        FaultNotALocale => {
            "\"{}\" não é um idioma conhecido; escreva um idioma e, se quiser, uma região, como \"es\", \"en\", \"pt-BR\", \"fr\" ou \"de\""
        }
        FaultNotAWindow => "\"{}\" não é uma janela escrita como HH:MM-HH:MM, de 00:00 a 24:00",
        FaultClosesFirst => {
            "a janela \"{}\" fecha antes de abrir (uma janela termina até as 24:00 do mesmo dia)"
        }
        FaultOffQuarter => "a janela \"{}\" não cai em quartos de hora (:00, :15, :30, :45)",
        FaultOverlaps => {
            "a janela \"{}\" começa antes de \"{}\" terminar: as janelas vão na ordem do dia e não se sobrepõem"
        }
        FaultTooManyWindows => "um dia tem no máximo 96 janelas",
        FaultNoWindows => "a lista de janelas está vazia: dê pelo menos uma, como \"09:00-13:00\"",
        FaultHoursNegative => "{} não é uma quantidade positiva de horas",
        FaultHoursNotQuarter => "{} não é múltiplo de um quarto de hora (0,25)",
        FaultHoursTooLarge => "{} são mais horas do que o cronograma aceita (no máximo 1000000)",
        FaultUnreadable => "não é possível ler: {}",
        FaultTooLarge => "o arquivo passa dos {} bytes que um calendário pode ter",
        FaultNotACalendar => "não é um arquivo iCalendar: não começa com BEGIN:VCALENDAR",
        FaultBadCalendar => "não é um arquivo iCalendar válido: linha {}: {}",
        FaultAfterCalendar => "um componente depois de END:VCALENDAR que não é outro VCALENDAR",
        FaultTooDeep => "há componentes aninhados a mais de {} níveis",
        FaultEndWithoutBegin => "END:{} sem o seu BEGIN",
        FaultMismatched => "END:{} fecha o BEGIN:{} da linha {}",
        FaultCutShort => {
            "o arquivo termina antes de END:{} (BEGIN:{} está na linha {}): pode ter sido cortado"
        }
        FaultTooManyRepeats => "linha {}: os eventos se repetem mais de {} vezes entre {} e {}",
        FaultTooManyPeriods => "linha {}: mais de {} períodos ocupados entre {} e {}",
        FaultNoSuchCalendar => {
            "nenhum calendário incluído tem esse nome; `cronograma holidays list` lista todos"
        }
        FaultNoSuchSubdivision => {
            "{} não tem a subdivisão \"{}\"; `cronograma holidays list {}` lista todas"
        }
        FaultNotAPerson => "\"{}\" não é uma das pessoas do plano",
        FaultDtd => {
            "o arquivo declara uma DTD, que o XML do MS Project nunca tem: não é lido (as entidades poderiam crescer sem limite)"
        }
        FaultXmlDeep => {
            "há elementos aninhados a mais de {} níveis (linha {}), como nenhum arquivo real: não é lido"
        }
        FaultXmlMalformed => "não é XML bem formado: {}",
        FaultNotAProject => {
            "não é XML do MS Project: o documento é <{}>, onde o MSPDI tem <Project xmlns=\"{}\">"
        }
        FaultNotAWeekday => "\"{}\" não é um dia da semana (seg … dom, ou Mon … Sun)",
        FaultBackwards => "\"{}\": o intervalo vai para trás",
        FaultNoWeekdays => {
            "nenhum dia da semana: escreva os dias de trabalho, como seg ter qua qui sex"
        }
        FaultPastTheCalendar => "a atividade {} passaria do ano 9999",
        FaultCycle => "as atividades {} esperam umas pelas outras em círculo",
        Just => "{}",
        Located => "{}: {}",
        LabelError => "erro",
        LabelWarning => "aviso",
        LabelHint => "dica",
        LabelNote => "nota",
        CsvNoHeader => "o arquivo não tem linha de cabeçalho",
        CsvHeaderUnreadable => "não é possível ler a linha de cabeçalho: {}",
        CsvNoColumn => "não há coluna `{}` (as colunas são: {})",
        CsvRowUnreadable => "não é possível ler a linha: {}",
        CsvNotHours => "\"{}\" não é uma quantidade de horas",
        CsvNoActivities => "o arquivo não tem atividades sob o cabeçalho",
        TipCsvColumns => {
            "a primeira linha nomeia as colunas: code, name, hours (e, se quiser, who, after, not_before)"
        }
        TipCsvQuote => "ponha entre aspas as células que têm o separador ou quebras de linha",
        TipCsvHours => {
            "as horas são números em passos de um quarto de hora: 42, 7.5, 7,5, 0.25 (0 para um marco)"
        }
        TipDateFormat => "escreva as datas como AAAA-MM-DD",
        InputTooLarge => "o arquivo passa de {} bytes",
        PasswordUnreadable => "não é possível ler o arquivo da senha: {}",
        ProjectNotUtf8 => "o arquivo não é texto UTF-8",
        TipProjectUtf8 => "o MS Project grava seus arquivos XML em UTF-8",
        TipExportMspdi => {
            "exporte o projeto do MS Project, ProjectLibre ou GanttProject como XML (MSPDI)"
        }
        NoActivityRead => "nenhuma atividade pôde ser lida",
        TipActivityLines => {
            "as atividades se escrevem como `* **Atividade Nº1 (A1):** nome *Duração: 42 horas.*` ou `* **Activity 1 (A1):** name *Duration: 42 hours.*`"
        }
        NothingToCompare => {
            "nenhuma atividade pôde ser lida, então não há cronograma com que comparar"
        }
        TipNamePlan => "indique o plano com que comparar: cronograma check --doc DOC.md PLAN",
        ImportedTask => "tarefa {} \"{}\": {}",
        PlanTooLarge => "o plano resultante teria {} bytes, mais que os {} que um plano pode ter",
        PlanTooLargeBecause => {
            "o plano resultante teria {} bytes, mais que os {} que um plano pode ter; só a atividade {} tem {} bytes de texto"
        }
        TipShorten => "encurte esse texto no arquivo e importe-o de novo",
        WouldNotOpen => "o plano resultante não abriria de novo: {}",
        Unschedulable => "o plano resultante não pode ser programado: {}",
        TipCheckTasks => "revise as datas, o trabalho e os vínculos da tarefa no arquivo",
        LogsUnlisted => "{} registra horas de {}, que a planilha não inclui",
        TipKeepRow => "mantenha a linha dela, ou tire antes as entradas dela do registro do plano",
        NoPlanParts => {
            "não há partes do plano para pôr em dia (frase de início, lista de atividades, tabelas dos meses)"
        }
        TipWholeSection => {
            "`cronograma export PLAN --format md -o DOC.md` escreve uma seção nova inteira"
        }
        BusyNotAPerson => {
            "\"{}\" não é uma das pessoas do plano: acrescente-a antes em `people`, ou tire --who para que o tempo ocupado seja de todos"
        }
        FromAfterTo => {
            "o primeiro dia a importar, {}, é depois do último, {}: escolha --from e --to de modo que nenhum dia fique de fora"
        }
        NoSuchCommand => "não há comando `{}`; `cronograma --help` lista os comandos",
        Mistyped => {
            "`{}` não é um comando, e não há plano com esse nome; você quis dizer `cronograma {}`? (`cronograma --help` lista os comandos)"
        }
        LogAfterStatus => {
            "{} é depois da data de status, {}: só se registram horas de dias que já chegaram (dê uma data de status posterior com --as-of)"
        }
        NothingChangedBecause => "{}: {}; nada foi alterado",
        TipReplaceBaseline => {
            "cronograma baseline --replace {} salva no lugar dela o cronograma como está agora"
        }
        Untracked => "{}: o plano ainda não tem acompanhamento: não tem `log`",
        TipFirstLog => {
            "registre as primeiras horas com `cronograma log CÓDIGO HORAS {}`, ou acrescente `log: []` ao plano"
        }
        UnknownCode => "nenhuma atividade tem o código \"{}\" (os códigos são {})",
        WhichCalendar => {
            "qual calendário? dê --url URL, ou indique-o uma vez no arquivo de configuração: {} (README.md, \"Settings\")"
        }
        NoPassword => {
            "--user precisa de uma senha: defina CRONOGRAMA_CALDAV_PASSWORD, ou indique um arquivo secreto como password_file no arquivo de configuração (ela nunca é tomada da linha de comando)"
        }
        NoBusyCalendars => {
            "não há calendários de tempo ocupado: indique-os no arquivo de configuração como sync: (url: \"…\", busy: [\"https://…/faculdade/\"]) (README.md, \"Busy time from calendars\")"
        }
        BusyForStranger => {
            "o calendário de tempo ocupado {} é de \"{}\", que não é uma das pessoas do plano: acrescente-a em `people`, ou corrija `who` no arquivo de configuração"
        }
        PlanExists => "{} já existe: abra-o com `cronograma {}` (new nunca substitui um arquivo)",
        NoTerminalToAsk => {
            "não há terminal onde perguntar: dê --yes para os valores padrão, ou os valores como opções (--title, --start, --hours-per-day, --day-start, --workdays, --locale)"
        }
        OutputExists => {
            "{} já existe; dê --force para substituí-lo, ou -o para indicar outro arquivo"
        }
        IntoWithProject => {
            "--into recebe uma planilha (.csv); um arquivo do MS Project faz um plano inteiro: dê -o PLAN"
        }
        IntoWithDocument => {
            "--into substitui as atividades de um plano pelas de uma planilha (.csv); um documento faz um plano inteiro: dê -o PLAN"
        }
        GoesWith => "{} vai com --format {}",
        BinaryToTerminal => {
            "--format {} é um arquivo binário, não para um terminal: dê um nome com -o plan.{}"
        }
        NotCanonical => "{}: não está na forma canônica",
        TipFmt => "execute `cronograma fmt {}` para reescrevê-lo",
        NoTerminal => "a visão interativa precisa de um terminal, e nenhum pôde ser aberto ({})",
        TipNoTerminal => "check, cal, export e status funcionam sem ele",
        CannotWrite => "{}: não é possível gravar: {}",
        RuleNotTracked => "o plano não tem acompanhamento: não tem `log`",
        TipNotTracked => {
            "acrescente `log: []` ao plano (ou registre horas com `cronograma log`) para acompanhar o andamento"
        }
        RuleMilestoneHasNoWork => "{} é um marco: não tem trabalho a terminar",
        TipMilestoneHasNoWork => {
            "um marco é alcançado quando termina o que ele espera; tire o campo"
        }
        RuleDoneWithoutLog => "{} está terminada mas não tem horas registradas",
        TipDoneWithoutLog => {
            "registre antes as horas que levou (`cronograma log CÓDIGO HORAS --date D`)"
        }
        RuleLogUnknownCode => "nenhuma atividade tem o código \"{}\"",
        TipLogUnknownCode => "registre as horas com o código de uma atividade do plano",
        TipLogMilestone => "registre as horas no trabalho que leva a ele",
        RuleLogTwice => "{} já tem horas registradas em {} ({})",
        TipLogTwice => "uma entrada por data e código: some as horas numa só",
        RuleBothDayFields => "`windows` e `{}` dão os dois a jornada",
        TipBothDayFields => "mantenha `windows` (a soma delas são as horas do dia) e tire o outro",
        RuleNoWorkingDay => {
            "o plano não dá nem `hours_per_day` nem `windows`: quanto dura um dia de trabalho?"
        }
        TipNoWorkingDay => {
            "acrescente `hours_per_day: 8`, ou `windows: [\"08:00-12:00\", \"13:00-17:00\"]`"
        }
        RulePastMidnight => "{} horas a partir das {} terminam às {}, depois da meia-noite",
        TipPastMidnight => "encurte o dia ou comece-o antes: a janela deve caber em um dia",
        RuleNotAWorkday => "{} não é dia útil: não tem janelas a mudar",
        TipNotAWorkday => "acrescente-o a `workdays`, ou dê as janelas de uma data em `exceptions`",
        RuleWeekdayTwice => "{} já tem suas janelas ({})",
        TipWeekdayTwice => "nomeie cada dia da semana em um só grupo",
        RuleNameEmpty => "o nome está vazio",
        TipNameEmpty => "escreva o nome que as atividades dão em `who`",
        RuleNameTwice => "\"{}\" já está na lista ({})",
        TipNameTwice => "liste cada pessoa uma só vez",
        RuleNearlyAPerson => {
            "\"{}\" não é \"{}\" ({}): como está escrito, trabalha o horário do plano"
        }
        TipNearlyAPerson => "escreva o nome exatamente como em `people`",
        RuleExceptionBoth => "{} dá ao mesmo tempo `hours` e `windows`",
        TipExceptionBoth => {
            "dê as `hours` do dia (as primeiras das janelas) ou as próprias `windows`"
        }
        RuleExceptionNeither => "{} não dá nem `hours` nem `windows`",
        TipExceptionNeither => {
            "dê as `hours` do dia (0 para um dia de folga) ou as próprias `windows`"
        }
        RuleExceptionPastMidnight => {
            "{} horas a partir da primeira janela ({}) passam da meia-noite"
        }
        TipExceptionPastMidnight => "encurte o dia, ou dê a ele `windows` próprias",
        RuleExceptionTwice => "{} já tem suas horas ({})",
        TipExceptionTwice => "dê uma só exceção por data",
        RuleNoWorkdays => {
            "nenhum dia da semana é trabalhado, então o trabalho nunca poderia ser feito"
        }
        TipNoWorkdays => "liste os dias trabalhados, como [Mon, Tue, Wed, Thu, Fri]",
        RuleWorkdayTwice => "{} aparece duas vezes",
        TipWorkdayTwice => "liste cada dia uma só vez",
        RuleBusyBackwards => "o bloco se repete até {}, antes do seu primeiro dia, {}",
        TipBusyBackwards => "um bloco se repete de `date` a `until`, ambos incluídos",
        RuleBusyTooLong => "os blocos ocupados abrangem juntos mais de {} dias",
        TipBusyTooLong => "dê a cada repetição o último dia em que ela de fato ocorre",
        RuleHolidayBackwards => "{} é antes do primeiro dia do intervalo, {}",
        TipHolidayBackwards => "um intervalo vai de `date` a `until`, ambos incluídos",
        RuleHolidayTwice => "{} já é feriado ({})",
        TipHolidayTwice => "liste cada feriado uma só vez",
        RuleAfterUnknown => "\"{}\" não é o código de nenhuma atividade",
        TipAfterUnknown => "`after` lista códigos de outras atividades do plano",
        RuleAfterItself => "{} não pode esperar por si mesma",
        TipAfterItself => "tire-a do próprio `after`",
        RuleCircle => "{} esperam umas pelas outras em círculo ({})",
        CircleSamePerson => "{} vem depois de {} porque {} faz as duas",
        CircleAfter => "{} espera {}",
        PlansOnePerson => "a única pessoa do plano",
        TipCircle => "tire um desses vínculos `after`, ou reordene as atividades da pessoa",
        RuleNoActivities => "o plano não tem atividades",
        TipNoActivities => "acrescente uma, como (code: \"A1\", name: \"Pesquisa\", hours: 40)",
        CodeEmpty => "o código está vazio",
        CodeHoldsBar => "\"{}\" contém um `|`",
        CodeHoldsSpace => "\"{}\" contém um espaço",
        CodeHoldsInvisible => "\"{}\" contém o caractere invisível {}",
        TipBadCode => {
            "os códigos se escrevem junto aos números dos dias: use uma palavra de caracteres visíveis, como \"A1\" ou \"Revisão\""
        }
        RuleCodeIsHolidayMark => {
            "\"{}\" é como as tabelas marcam um feriado no idioma deste plano (13 ({}))"
        }
        TipCodeIsHolidayMark => "dê à atividade outro código, como \"F1\" ou \"Fim\"",
        RuleWorkTooLarge => {
            "o trabalho dela tem mais horas do que o cronograma aceita (1000000 no máximo)"
        }
        TipWorkTooLarge => "divida o trabalho em atividades de no máximo um milhão de horas",
        RuleCodeTwice => "\"{}\" já é o código de {}",
        TipCodeTwice => {
            "os códigos nomeiam as atividades nos calendários, então cada um deve ser único"
        }
        PlanUnreadable => "{}: não é possível ler o plano: {}",
        PlanTooBig => "{}: o arquivo tem {} bytes, mais que os {} que um plano pode ter",
        PlanNotText => {
            "o arquivo não é texto UTF-8 (é um arquivo binário, ou tem outra codificação)"
        }
        TipSaveUtf8 => "salve o plano como UTF-8",
        PlanNotSaved => "{}: não é possível salvar o plano: {} (o arquivo no disco não mudou)",
        NoteNoCalendar => "o arquivo não tem calendário: de segunda a sexta, {}",
        NoteStartsMidDay => {
            "o projeto começa às {}: o primeiro dia, {}, é trabalhado a partir daí ({})"
        }
        NoteOffQuarter => "os horários fora dos quartos de hora são levados ao quarto: {}",
        NoteRepeatingException => {
            "uma exceção de calendário que se repete, desde {}, é lida só como o primeiro período"
        }
        NoteSameName => {
            "{} recursos se chamam \"{}\": do segundo em diante se distinguem pelo ID do recurso, como \"{} (ID)\""
        }
        NoteSecondPeople => {
            "ficam de fora {} atribuições de uma segunda pessoa a uma tarefa: uma atividade tem uma só pessoa"
        }
        NoteSummaries => "ficam de fora {} tarefas-resumo (o trabalho delas é o das subtarefas)",
        NoteCutAtMidnight => {
            "{} dias registram mais trabalho real de uma pessoa do que cabe antes da meia-noite (várias pessoas numa tarefa, ou dias longos): mantido até a meia-noite"
        }
        NoteUnrecorded => {
            "{} tarefas têm trabalho real sem registro dia a dia no arquivo ({}): fica de fora; registre-o com `cronograma log CÓDIGO HORAS --date DIA`"
        }
        NoteLogged => {
            "o trabalho real registrado dia a dia é o registro do plano: {} entradas, até {}"
        }
        NoteLinkKept => {
            "{} depois de {}: um vínculo {}{} é mantido como término a início sem atraso"
        }
        NoteLag => " com um atraso de {} min",
        LinkFinishToFinish => "término a término",
        LinkFinishToStart => "término a início",
        LinkStartToFinish => "início a término",
        LinkStartToStart => "início a início",
        LinkUnknown => "de tipo desconhecido",
        NoteRounded => "{}: trabalho de {} min, tomado como {} h (em passos de um quarto de hora)",
        NoteTaskOne => "a tarefa {} tem {}",
        NoteTaskMany => "{} tarefas ({}) têm {}",
        KindElapsed => {
            "uma duração decorrida (dias de 24 horas, todos os dias), lida como tempo de trabalho"
        }
        KindTaskCalendar => {
            "um calendário de tarefa, deixado de fora: usa-se o calendário da pessoa ou do plano"
        }
        KindManual => "agendamento manual no arquivo, programado aqui pelas regras do plano",
        KindShared => {
            "trabalho compartilhado ou em tempo parcial (várias pessoas, ou unidades abaixo de 100 %), lido como a duração da tarefa: a pessoa de um plano trabalha dias inteiros"
        }
        KindConstraint => "a restrição \"{}\", deixada de fora: um plano só tem \"{}\"",
        ConstraintAsSoonAsPossible => "o mais breve possível",
        ConstraintAsLateAsPossible => "o mais tarde possível",
        ConstraintMustStartOn => "deve iniciar em",
        ConstraintMustFinishOn => "deve terminar em",
        ConstraintStartNoEarlier => "não iniciar antes de",
        ConstraintStartNoLater => "não iniciar depois de",
        ConstraintFinishNoEarlier => "não terminar antes de",
        ConstraintFinishNoLater => "não terminar depois de",
        ConstraintUnknown => "desconhecida",
        NoteMoved => {
            "{} atividades começam em outro momento que no arquivo ({}): são programadas sobre o horário que o plano toma do arquivo, e o que as notas acima deixaram de fora já não as retém"
        }
        NoteEnglishForCode => {
            "o código de tarefa \"{}\" é a marca de feriado das tabelas em português, então o plano fica em inglês (com os feriados marcados H)"
        }
        DocProblemActivity => "atividade: {}",
        DocProblemStart => "frase de início: {}",
        DocProblemRow => "tabela {}: {}",
        DocProblemNoTable => "um cabeçalho de mês sem tabela embaixo",
        DocProblemNoStart => {
            "não há frase de início (`Del 13 de Septiembre del 2023 con 6 horas diarias …`): o início é o primeiro dia das tabelas, com 8 horas diárias a partir das 09:00"
        }
        WordsNoMonth => "não há nome de mês: escreva o início como `13 de Septiembre del 2023`",
        WordsNoDay => "não há dia do mês junto ao nome do mês",
        WordsNoYear => "não há ano (quatro dígitos) depois do nome do mês",
        WordsNotADay => "{}/{}/{} não é um dia do calendário",
        WordsNoHoursADay => {
            "não há horas diárias: escreva-as como `6 horas diarias` ou `6 hours a day`"
        }
        WordsNotHours => "\"{}\" não é uma quantidade de horas em passos de um quarto de hora",
        WordsNotAWindow => "de {} a {} não é uma janela do dia em quartos de hora",
        WordsWindowsDoNotAddUp => "as janelas {} somam {} horas, não {}",
        WordsNotAnActivity => "uma atividade começa com `Actividad`, `Activity` ou `Atividade`",
        WordsNoNumber => "não há número depois da palavra `Atividade`/`Activity`",
        WordsNoCode => "não há código entre parênteses depois do número, como `(A1)`",
        WordsCodeNotClosed => "o parêntese do código não está fechado",
        WordsNoEffort => "não há `Duração: N horas` (ou `Duration: N hours`, ou `Marco`)",
        WordsRowCells => "uma linha de {} células, não 8 (a semana e sete dias)",
        WordsNoDayNumber => "\"{}\" não começa com um número de dia",
        WordsMarkOutsideParentheses => "\"{}\": o que segue o dia vai entre parênteses",
        WordsUnexpectedDay => "o dia {} onde se esperava o {}",
    }
}

/// What each key does, as the help says it.
pub(super) fn help(help: KeyHelp) -> &'static str {
    use KeyHelp::*;
    match help {
        PreviousDay => "dia anterior",
        NextDay => "dia seguinte",
        PreviousWeek => "semana anterior",
        NextWeek => "semana seguinte",
        PreviousMonth => "mês anterior",
        NextMonth => "mês seguinte",
        PlansFirstDay => "primeiro dia do plano",
        PlansLastDay => "último dia do plano",
        Today => "hoje",
        HolidayOnOff => "pôr/tirar feriado",
        MarkAHolidayRange => "marcar um intervalo de feriados",
        ShortOrExtraDay => "dia curto / dia extra",
        ImportHolidays => "importar feriados",
        ActivitiesFromCsv => "atividades de um CSV",
        ExportToAFile => "exportar para um arquivo",
        HolidayADayEarlier => "feriado um dia antes",
        HolidayADayLater => "feriado um dia depois",
        HolidayAWeekEarlier => "feriado uma semana antes",
        HolidayAWeekLater => "feriado uma semana depois",
        SwitchFocus => "teclas para calendários/Gantt",
        PreviousActivity => "atividade anterior",
        NextActivity => "próxima atividade",
        PageOfActivitiesUp => "uma página de atividades acima",
        PageOfActivitiesDown => "uma página de atividades abaixo",
        FirstActivity => "primeira atividade",
        LastActivity => "última atividade",
        OneHourMore => "uma hora a mais",
        OneHourLess => "uma hora a menos",
        EditActivity => "editar atividade",
        AddActivityAfter => "adicionar atividade depois",
        DeleteActivity => "apagar atividade",
        MoveActivityUp => "subir atividade",
        MoveActivityDown => "descer atividade",
        PlanStartsThisDay => "o plano começa neste dia",
        WorkingHours => "horário de trabalho",
        PersonInTurn => "calendários de uma pessoa, por vez",
        LogHoursOnThisDay => "registrar horas neste dia",
        DoneOrNot => "concluída / não concluída",
        SaveTheBaseline => "salvar a linha de base",
        SyncTheCalendarServer => "sincronizar o servidor de calendário",
        HolidaysFromTheCalendarServer => "feriados do servidor de calendário",
        SearchCodesAndNames => "buscar códigos e nomes",
        NextMatch => "próxima ocorrência",
        PreviousMatch => "ocorrência anterior",
        Undo => "desfazer",
        Redo => "refazer",
        Save => "salvar",
        ShowPane => "ver calendários/Gantt",
        Zoom => "zoom: dia/semana/mês",
        ThisHelp => "esta ajuda",
        Quit => "sair",
        CancelARangeBeingMarked => "cancelar o intervalo que se marca",
        Suspend => "suspender (fg o retoma)",
        Accept => "aceitar",
        Cancel => "cancelar",
        NextField => "próximo campo",
        PreviousField => "campo anterior",
        DeleteACharacter => "apagar um caractere",
        DeleteUnderTheCursor => "apagar sob o cursor",
        CursorLeft => "cursor à esquerda",
        CursorRight => "cursor à direita",
        StartOfTheField => "início do campo",
        EndOfTheField => "fim do campo",
        DeleteToTheStart => "apagar até o início",
        DeleteToTheEnd => "apagar até o fim",
        DeleteTheWordBefore => "apagar a palavra anterior",
        Yes => "sim",
        SaveThenQuit => "salvar e sair",
        QuitWithoutSaving => "sair sem salvar",
        OverwriteTheFileOnDisk => "sobrescrever o arquivo",
        ReloadTheFileFromDisk => "recarregar o arquivo",
        No => "não",
        NextPage => "próxima página",
        PreviousPage => "página anterior",
        CloseTheHelp => "fechar a ajuda",
        CommandPalette => "paleta de comandos: todas as ações pelo nome",
        RunTheCommand => "executar o comando",
        PreviousCommand => "comando anterior",
        NextCommand => "próximo comando",
        ClearTheFilter => "apagar o que foi digitado",
    }
}
