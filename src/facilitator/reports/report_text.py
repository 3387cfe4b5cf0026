"""The fixed texts of printed reports (PDF and Word) in the six UN languages.

Reports have no Qt, so their headings and labels are not in the Qt Linguist catalogues:
they live here, one dictionary per language, every key in all six (a test checks it, and
that each translation keeps the ``{placeholders}`` of the English text). User text (titles,
names, notes, questions) is printed as typed, in whatever script it is in.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from facilitator.core.event_time import local_datetime, zone_label
from facilitator.core.model import SLOT_KIND_LABELS

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
RIGHT_TO_LEFT = frozenset({"ar"})

_EN = {
    "sdg_label": "SDG {number}: {name}",
    "event": "Event", "date": "Date", "time": "Time", "room": "Room",
    "moderator": "Moderator", "rapporteur": "Rapporteur", "not_set": "not set",
    "participants": "Participants", "name": "Name", "role": "Role",
    "organisation": "Organisation", "constituency": "Constituency", "gender": "Gender",
    "planned": "Planned", "actual": "Actual", "total": "Total",
    "summary": "Summary", "summary_title": "{title} — summary",
    "draft": "Draft compiled from the rapporteur's notes; not yet edited.",
    "key_messages": "Key messages", "guiding_answers": "Answers to the guiding questions",
    "no_guiding": "This session has no guiding questions.",
    "recommendations": "Recommendations", "commitments": "Commitments",
    "way_forward": "Way forward", "none_recorded": "None recorded.",
    "audience_questions": "Audience questions", "answered_n": "Answered ({n})",
    "top_unanswered": "Most-voted questions not answered (top {n})",
    "not_answered": "Questions not answered", "question": "Question",
    "asked_by": "Asked by", "answered_by": "Answered by", "addressed_to": "Addressed to",
    "votes": "Votes", "anonymous": "anonymous",
    "none_answered": "No question was marked answered.", "none_open": "None left open.",
    "statistics": "Statistics", "by_constituency": "Speaking time by constituency",
    "by_gender": "Speaking time by gender", "per_speaker": "Planned and actual time per speaker",
    "turns": "Turns", "share": "Share", "questions": "Questions", "count": "Count",
    "received": "Received", "answered": "Answered",
    "approved_open": "Approved, not answered", "pending": "Not yet moderated",
    "not_selected": "Not selected", "merged": "Merged into another",
    "turns_taken": "{taken} of {planned} planned turns were taken; overtime in total "
                   "{overtime}.",
    "minutes": "min",
    "audience_raised": "What the audience raised",
    "audience_raised_intro": "{tagged} of {total} questions tagged, by WUF12 dialogue, "
                             "SDG and guiding question.",
    "no_tagged_questions": "No audience question was tagged.",
    "n_questions": "{n} questions", "one_question": "1 question",
    "dialogues": "WUF12 dialogues", "sdgs": "Sustainable Development Goals",
    "guiding_questions": "Guiding questions", "other_tags": "Other themes",
    "notes_by_tag": "Notes by tag", "no_tagged_notes": "No note was tagged.",
    "n_notes": "{n} notes", "one_note": "1 note", "themes": "Themes: {themes}",
    "quotes": "Quotes", "no_quotes": "No quote was noted.",
    "annex_timeline": "Annex: timeline", "not_run": "The session has not run yet.",
    "times_in": "Times in {zone}.", "what_happened": "What happened",
    "starts": "{name} starts ({kind})", "ends": "{name} ends after {spoken} (planned {planned})",
    "questions_opened": "Audience questions opened",
    "questions_closed": "Audience questions closed",
    "annex_timing": "Annex: timing log", "speaker": "Speaker",
    "planned_start": "Planned start", "started": "Started", "ended": "Ended",
    "spoken": "Spoken", "difference": "Difference", "pauses": "Pauses",
    "adjusted": "Adjusted",
    "report_of_sessions": "Report of the sessions",
    "sessions_generated": "{sessions} · generated {when}",
    "contents": "Contents", "page_of": "Page {page} of {total}",
    "forum_report": "Forum report", "forum_rooms": "{rooms} · {sessions}",
    "forum_totals": "The forum in numbers", "sessions": "Sessions",
    "speakers": "Speakers (each person once)", "speaking_time": "Speaking time",
    "poll": "Poll", "answers": "Answers",
    "n_rooms": "{n} rooms", "one_room": "1 room",
    "n_sessions": "{n} sessions", "one_session": "1 session",
    "date_format": "{day} {month} {year}",
}

_FR = {
    "sdg_label": "ODD {number} : {name}",
    "event": "Événement", "date": "Date", "time": "Heure", "room": "Salle",
    "moderator": "Modérateur·rice", "rapporteur": "Rapporteur·e", "not_set": "non fixé",
    "participants": "Participants", "name": "Nom", "role": "Fonction",
    "organisation": "Organisation", "constituency": "Groupe d'acteurs", "gender": "Genre",
    "planned": "Prévu", "actual": "Réel", "total": "Total",
    "summary": "Synthèse", "summary_title": "{title} — synthèse",
    "draft": "Brouillon établi à partir des notes du rapporteur ; pas encore révisé.",
    "key_messages": "Messages clés", "guiding_answers": "Réponses aux questions directrices",
    "no_guiding": "Cette session n'a pas de questions directrices.",
    "recommendations": "Recommandations", "commitments": "Engagements",
    "way_forward": "Perspectives", "none_recorded": "Rien de consigné.",
    "audience_questions": "Questions du public", "answered_n": "Avec réponse ({n})",
    "top_unanswered": "Questions les plus soutenues restées sans réponse ({n} premières)",
    "not_answered": "Questions sans réponse", "question": "Question",
    "asked_by": "Posée par", "answered_by": "Réponse de", "addressed_to": "Adressée à",
    "votes": "Votes", "anonymous": "anonyme",
    "none_answered": "Aucune question n'a été marquée comme traitée.",
    "none_open": "Aucune question en suspens.",
    "statistics": "Statistiques", "by_constituency": "Temps de parole par groupe d'acteurs",
    "by_gender": "Temps de parole par genre",
    "per_speaker": "Temps prévu et temps réel par intervenant",
    "turns": "Interventions", "share": "Part", "questions": "Questions", "count": "Nombre",
    "received": "Reçues", "answered": "Avec réponse",
    "approved_open": "Approuvées, sans réponse", "pending": "Pas encore modérées",
    "not_selected": "Non retenues", "merged": "Fusionnées avec une autre",
    "turns_taken": "{taken} des {planned} interventions prévues ont eu lieu ; dépassement "
                   "total {overtime}.",
    "minutes": "min",
    "audience_raised": "Ce que le public a soulevé",
    "audience_raised_intro": "{tagged} des {total} questions étiquetées, par dialogue du "
                             "WUF12, ODD et question directrice.",
    "no_tagged_questions": "Aucune question du public n'a été étiquetée.",
    "n_questions": "{n} questions", "one_question": "1 question",
    "dialogues": "Dialogues du WUF12", "sdgs": "Objectifs de développement durable",
    "guiding_questions": "Questions directrices", "other_tags": "Autres thèmes",
    "notes_by_tag": "Notes par étiquette", "no_tagged_notes": "Aucune note n'a été étiquetée.",
    "n_notes": "{n} notes", "one_note": "1 note", "themes": "Thèmes : {themes}",
    "quotes": "Citations", "no_quotes": "Aucune citation n'a été notée.",
    "annex_timeline": "Annexe : déroulé", "not_run": "La session n'a pas encore eu lieu.",
    "times_in": "Heures en {zone}.", "what_happened": "Ce qui s'est passé",
    "starts": "{name} commence ({kind})",
    "ends": "{name} termine après {spoken} (prévu {planned})",
    "questions_opened": "Questions du public ouvertes",
    "questions_closed": "Questions du public fermées",
    "annex_timing": "Annexe : chronométrage", "speaker": "Intervenant",
    "planned_start": "Début prévu", "started": "Début", "ended": "Fin",
    "spoken": "Durée", "difference": "Écart", "pauses": "Pauses",
    "adjusted": "Ajusté",
    "report_of_sessions": "Rapport des sessions",
    "sessions_generated": "{sessions} · établi le {when}",
    "contents": "Sommaire", "page_of": "Page {page} sur {total}",
    "forum_report": "Rapport du forum", "forum_rooms": "{rooms} · {sessions}",
    "forum_totals": "Le forum en chiffres", "sessions": "Sessions",
    "speakers": "Intervenants (chaque personne une fois)", "speaking_time": "Temps de parole",
    "poll": "Sondage", "answers": "Réponses",
    "n_rooms": "{n} salles", "one_room": "1 salle",
    "n_sessions": "{n} sessions", "one_session": "1 session",
    "date_format": "{day} {month} {year}",
}

_ES = {
    "sdg_label": "ODS {number}: {name}",
    "event": "Evento", "date": "Fecha", "time": "Hora", "room": "Sala",
    "moderator": "Moderación", "rapporteur": "Relatoría", "not_set": "sin fijar",
    "participants": "Participantes", "name": "Nombre", "role": "Cargo",
    "organisation": "Organización", "constituency": "Grupo de actores", "gender": "Género",
    "planned": "Previsto", "actual": "Real", "total": "Total",
    "summary": "Resumen", "summary_title": "{title} — resumen",
    "draft": "Borrador compilado a partir de las notas de la relatoría; aún sin editar.",
    "key_messages": "Mensajes clave", "guiding_answers": "Respuestas a las preguntas guía",
    "no_guiding": "Esta sesión no tiene preguntas guía.",
    "recommendations": "Recomendaciones", "commitments": "Compromisos",
    "way_forward": "Próximos pasos", "none_recorded": "Nada registrado.",
    "audience_questions": "Preguntas del público", "answered_n": "Respondidas ({n})",
    "top_unanswered": "Preguntas más votadas sin respuesta (las {n} primeras)",
    "not_answered": "Preguntas sin respuesta", "question": "Pregunta",
    "asked_by": "Formulada por", "answered_by": "Respondida por", "addressed_to": "Dirigida a",
    "votes": "Votos", "anonymous": "anónimo",
    "none_answered": "Ninguna pregunta se marcó como respondida.",
    "none_open": "Ninguna quedó pendiente.",
    "statistics": "Estadísticas", "by_constituency": "Tiempo de palabra por grupo de actores",
    "by_gender": "Tiempo de palabra por género",
    "per_speaker": "Tiempo previsto y real por orador",
    "turns": "Turnos", "share": "Proporción", "questions": "Preguntas", "count": "Número",
    "received": "Recibidas", "answered": "Respondidas",
    "approved_open": "Aprobadas, sin respuesta", "pending": "Aún sin moderar",
    "not_selected": "No seleccionadas", "merged": "Fusionadas con otra",
    "turns_taken": "Se tomaron {taken} de {planned} turnos previstos; exceso total "
                   "{overtime}.",
    "minutes": "min",
    "audience_raised": "Lo que planteó el público",
    "audience_raised_intro": "{tagged} de {total} preguntas etiquetadas, por diálogo del "
                             "WUF12, ODS y pregunta guía.",
    "no_tagged_questions": "No se etiquetó ninguna pregunta del público.",
    "n_questions": "{n} preguntas", "one_question": "1 pregunta",
    "dialogues": "Diálogos del WUF12", "sdgs": "Objetivos de Desarrollo Sostenible",
    "guiding_questions": "Preguntas guía", "other_tags": "Otros temas",
    "notes_by_tag": "Notas por etiqueta", "no_tagged_notes": "No se etiquetó ninguna nota.",
    "n_notes": "{n} notas", "one_note": "1 nota", "themes": "Temas: {themes}",
    "quotes": "Citas", "no_quotes": "No se anotó ninguna cita.",
    "annex_timeline": "Anexo: cronología", "not_run": "La sesión aún no se ha celebrado.",
    "times_in": "Horas en {zone}.", "what_happened": "Qué ocurrió",
    "starts": "{name} empieza ({kind})",
    "ends": "{name} termina tras {spoken} (previsto {planned})",
    "questions_opened": "Preguntas del público abiertas",
    "questions_closed": "Preguntas del público cerradas",
    "annex_timing": "Anexo: registro de tiempos", "speaker": "Orador",
    "planned_start": "Inicio previsto", "started": "Inicio", "ended": "Fin",
    "spoken": "Duración", "difference": "Diferencia", "pauses": "Pausas",
    "adjusted": "Ajustado",
    "report_of_sessions": "Informe de las sesiones",
    "sessions_generated": "{sessions} · generado el {when}",
    "contents": "Índice", "page_of": "Página {page} de {total}",
    "forum_report": "Informe del foro", "forum_rooms": "{rooms} · {sessions}",
    "forum_totals": "El foro en cifras", "sessions": "Sesiones",
    "speakers": "Oradores (cada persona una vez)", "speaking_time": "Tiempo de palabra",
    "poll": "Encuesta", "answers": "Respuestas",
    "n_rooms": "{n} salas", "one_room": "1 sala",
    "n_sessions": "{n} sesiones", "one_session": "1 sesión",
    "date_format": "{day} de {month} de {year}",
}

_AR = {
    "sdg_label": "الهدف {number}: {name}",
    "event": "الفعالية", "date": "التاريخ", "time": "الوقت", "room": "القاعة",
    "moderator": "مدير الجلسة", "rapporteur": "المقرر", "not_set": "غير محدد",
    "participants": "المشاركون", "name": "الاسم", "role": "الصفة",
    "organisation": "المنظمة", "constituency": "الفئة", "gender": "الجنس",
    "planned": "المخطط", "actual": "الفعلي", "total": "المجموع",
    "summary": "الملخص", "summary_title": "{title} — الملخص",
    "draft": "مسودة مجمّعة من ملاحظات المقرر؛ لم تُحرَّر بعد.",
    "key_messages": "الرسائل الرئيسية", "guiding_answers": "الإجابات عن الأسئلة التوجيهية",
    "no_guiding": "ليس لهذه الجلسة أسئلة توجيهية.",
    "recommendations": "التوصيات", "commitments": "الالتزامات",
    "way_forward": "الطريق إلى الأمام", "none_recorded": "لم يُسجَّل شيء.",
    "audience_questions": "أسئلة الجمهور", "answered_n": "أُجيب عنها ({n})",
    "top_unanswered": "الأسئلة الأكثر تصويتاً دون إجابة (أول {n})",
    "not_answered": "أسئلة دون إجابة", "question": "السؤال",
    "asked_by": "طرحه", "answered_by": "أجاب عنه", "addressed_to": "موجّه إلى",
    "votes": "الأصوات", "anonymous": "مجهول",
    "none_answered": "لم يُعلَّم أي سؤال بأنه أُجيب عنه.", "none_open": "لم يبقَ أي سؤال معلّق.",
    "statistics": "الإحصاءات", "by_constituency": "وقت الكلام حسب الفئة",
    "by_gender": "وقت الكلام حسب الجنس", "per_speaker": "الوقت المخطط والفعلي لكل متحدث",
    "turns": "المداخلات", "share": "النسبة", "questions": "الأسئلة", "count": "العدد",
    "received": "الواردة", "answered": "أُجيب عنها",
    "approved_open": "مقبولة دون إجابة", "pending": "لم تُراجَع بعد",
    "not_selected": "لم تُختَر", "merged": "دُمجت في سؤال آخر",
    "turns_taken": "جرت {taken} من أصل {planned} مداخلة مخططة؛ مجموع تجاوز الوقت {overtime}.",
    "minutes": "دقيقة",
    "audience_raised": "ما أثاره الجمهور",
    "audience_raised_intro": "{tagged} من أصل {total} سؤالاً موسوماً، حسب حوارات المنتدى "
                             "الحضري العالمي الثاني عشر وأهداف التنمية المستدامة والأسئلة "
                             "التوجيهية.",
    "no_tagged_questions": "لم يُوسَم أي سؤال من أسئلة الجمهور.",
    "n_questions": "{n} أسئلة", "one_question": "سؤال واحد",
    "dialogues": "حوارات المنتدى الحضري العالمي الثاني عشر",
    "sdgs": "أهداف التنمية المستدامة",
    "guiding_questions": "الأسئلة التوجيهية", "other_tags": "مواضيع أخرى",
    "notes_by_tag": "الملاحظات حسب الوسم", "no_tagged_notes": "لم تُوسَم أي ملاحظة.",
    "n_notes": "{n} ملاحظات", "one_note": "ملاحظة واحدة", "themes": "المواضيع: {themes}",
    "quotes": "اقتباسات", "no_quotes": "لم يُدوَّن أي اقتباس.",
    "annex_timeline": "مرفق: التسلسل الزمني", "not_run": "لم تُعقد الجلسة بعد.",
    "times_in": "الأوقات بتوقيت {zone}.", "what_happened": "ما حدث",
    "starts": "يبدأ {name} ({kind})", "ends": "ينهي {name} بعد {spoken} (المخطط {planned})",
    "questions_opened": "فُتحت أسئلة الجمهور", "questions_closed": "أُغلقت أسئلة الجمهور",
    "annex_timing": "مرفق: سجل التوقيت", "speaker": "المتحدث",
    "planned_start": "البداية المخططة", "started": "البداية", "ended": "النهاية",
    "spoken": "المدة", "difference": "الفرق", "pauses": "التوقفات",
    "adjusted": "التعديل",
    "report_of_sessions": "تقرير الجلسات",
    "sessions_generated": "{sessions} · أُعدّ في {when}",
    "contents": "المحتويات", "page_of": "الصفحة {page} من {total}",
    "forum_report": "تقرير المنتدى", "forum_rooms": "{rooms} · {sessions}",
    "forum_totals": "المنتدى بالأرقام", "sessions": "الجلسات",
    "speakers": "المتحدثون (كل شخص مرة واحدة)", "speaking_time": "وقت الكلام",
    "poll": "استطلاع", "answers": "الإجابات",
    "n_rooms": "{n} قاعات", "one_room": "قاعة واحدة",
    "n_sessions": "{n} جلسات", "one_session": "جلسة واحدة",
    "date_format": "{day} {month} {year}",
}

_ZH = {
    "sdg_label": "目标 {number}：{name}",
    "event": "活动", "date": "日期", "time": "时间", "room": "会议室",
    "moderator": "主持人", "rapporteur": "报告员", "not_set": "未设定",
    "participants": "与会者", "name": "姓名", "role": "职务",
    "organisation": "机构", "constituency": "利益攸关方群体", "gender": "性别",
    "planned": "计划", "actual": "实际", "total": "合计",
    "summary": "摘要", "summary_title": "{title} — 摘要",
    "draft": "根据报告员笔记汇编的草稿；尚未编辑。",
    "key_messages": "关键信息", "guiding_answers": "对指导性问题的回答",
    "no_guiding": "本次会议没有指导性问题。",
    "recommendations": "建议", "commitments": "承诺",
    "way_forward": "今后的方向", "none_recorded": "无记录。",
    "audience_questions": "听众提问", "answered_n": "已回答（{n}）",
    "top_unanswered": "得票最多但未回答的问题（前 {n} 个）",
    "not_answered": "未回答的问题", "question": "问题",
    "asked_by": "提问人", "answered_by": "回答人", "addressed_to": "提问对象",
    "votes": "票数", "anonymous": "匿名",
    "none_answered": "没有问题被标记为已回答。", "none_open": "没有未决问题。",
    "statistics": "统计", "by_constituency": "按利益攸关方群体统计的发言时间",
    "by_gender": "按性别统计的发言时间", "per_speaker": "每位发言者的计划时间与实际时间",
    "turns": "发言次数", "share": "占比", "questions": "问题", "count": "数量",
    "received": "收到", "answered": "已回答",
    "approved_open": "已批准，未回答", "pending": "尚未审核",
    "not_selected": "未选用", "merged": "已并入其他问题",
    "turns_taken": "计划的 {planned} 次发言中进行了 {taken} 次；超时合计 {overtime}。",
    "minutes": "分钟",
    "audience_raised": "听众提出的议题",
    "audience_raised_intro": "{total} 个问题中有 {tagged} 个已加标签，按第十二届世界城市论坛"
                             "对话、可持续发展目标和指导性问题分组。",
    "no_tagged_questions": "没有听众问题被加标签。",
    "n_questions": "{n} 个问题", "one_question": "1 个问题",
    "dialogues": "第十二届世界城市论坛对话", "sdgs": "可持续发展目标",
    "guiding_questions": "指导性问题", "other_tags": "其他主题",
    "notes_by_tag": "按标签列出的笔记", "no_tagged_notes": "没有笔记被加标签。",
    "n_notes": "{n} 条笔记", "one_note": "1 条笔记", "themes": "主题：{themes}",
    "quotes": "引语", "no_quotes": "没有记录引语。",
    "annex_timeline": "附件：时间线", "not_run": "会议尚未举行。",
    "times_in": "时间为 {zone}。", "what_happened": "事件",
    "starts": "{name} 开始（{kind}）", "ends": "{name} 在 {spoken} 后结束（计划 {planned}）",
    "questions_opened": "听众提问已开放", "questions_closed": "听众提问已关闭",
    "annex_timing": "附件：计时记录", "speaker": "发言者",
    "planned_start": "计划开始", "started": "开始", "ended": "结束",
    "spoken": "时长", "difference": "差异", "pauses": "暂停",
    "adjusted": "调整",
    "report_of_sessions": "各场会议报告",
    "sessions_generated": "{sessions} · 生成于 {when}",
    "contents": "目录", "page_of": "第 {page} 页，共 {total} 页",
    "forum_report": "论坛报告", "forum_rooms": "{rooms} · {sessions}",
    "forum_totals": "论坛数据", "sessions": "会议",
    "speakers": "发言者（每人计一次）", "speaking_time": "发言时间",
    "poll": "投票", "answers": "回答",
    "n_rooms": "{n} 个会议室", "one_room": "1 个会议室",
    "n_sessions": "{n} 场会议", "one_session": "1 场会议",
    "date_format": "{year}年{month}月{day}日",
}

_RU = {
    "sdg_label": "ЦУР {number}: {name}",
    "event": "Мероприятие", "date": "Дата", "time": "Время", "room": "Зал",
    "moderator": "Модератор", "rapporteur": "Докладчик", "not_set": "не задано",
    "participants": "Участники", "name": "Имя", "role": "Должность",
    "organisation": "Организация", "constituency": "Группа участников", "gender": "Пол",
    "planned": "План", "actual": "Факт", "total": "Итого",
    "summary": "Резюме", "summary_title": "{title} — резюме",
    "draft": "Черновик, составленный по заметкам докладчика; ещё не отредактирован.",
    "key_messages": "Ключевые идеи", "guiding_answers": "Ответы на направляющие вопросы",
    "no_guiding": "У этой сессии нет направляющих вопросов.",
    "recommendations": "Рекомендации", "commitments": "Обязательства",
    "way_forward": "Дальнейшие шаги", "none_recorded": "Ничего не записано.",
    "audience_questions": "Вопросы из зала", "answered_n": "С ответом ({n})",
    "top_unanswered": "Вопросы с наибольшим числом голосов без ответа (первые {n})",
    "not_answered": "Вопросы без ответа", "question": "Вопрос",
    "asked_by": "Автор", "answered_by": "Ответил(а)", "addressed_to": "Адресат",
    "votes": "Голоса", "anonymous": "аноним",
    "none_answered": "Ни один вопрос не отмечен как отвеченный.",
    "none_open": "Открытых вопросов нет.",
    "statistics": "Статистика", "by_constituency": "Время выступлений по группам участников",
    "by_gender": "Время выступлений по полу",
    "per_speaker": "Плановое и фактическое время по выступающим",
    "turns": "Выступления", "share": "Доля", "questions": "Вопросы", "count": "Число",
    "received": "Получено", "answered": "С ответом",
    "approved_open": "Одобрены, без ответа", "pending": "Ещё не рассмотрены",
    "not_selected": "Не выбраны", "merged": "Объединены с другим",
    "turns_taken": "Состоялось {taken} из {planned} запланированных выступлений; "
                   "превышение всего {overtime}.",
    "minutes": "мин",
    "audience_raised": "Что подняла аудитория",
    "audience_raised_intro": "Помечено {tagged} из {total} вопросов, по диалогам WUF12, "
                             "ЦУР и направляющим вопросам.",
    "no_tagged_questions": "Ни один вопрос из зала не помечен.",
    "n_questions": "Вопросов: {n}", "one_question": "1 вопрос",
    "dialogues": "Диалоги WUF12", "sdgs": "Цели устойчивого развития",
    "guiding_questions": "Направляющие вопросы", "other_tags": "Другие темы",
    "notes_by_tag": "Заметки по меткам", "no_tagged_notes": "Ни одна заметка не помечена.",
    "n_notes": "Заметок: {n}", "one_note": "1 заметка", "themes": "Темы: {themes}",
    "quotes": "Цитаты", "no_quotes": "Цитаты не записаны.",
    "annex_timeline": "Приложение: хронология", "not_run": "Сессия ещё не проводилась.",
    "times_in": "Время: {zone}.", "what_happened": "Что произошло",
    "starts": "{name} начинает ({kind})",
    "ends": "{name} заканчивает через {spoken} (план {planned})",
    "questions_opened": "Вопросы из зала открыты",
    "questions_closed": "Вопросы из зала закрыты",
    "annex_timing": "Приложение: журнал времени", "speaker": "Выступающий",
    "planned_start": "Плановое начало", "started": "Начало", "ended": "Конец",
    "spoken": "Длительность", "difference": "Разница", "pauses": "Паузы",
    "adjusted": "Корректировка",
    "report_of_sessions": "Отчёт о сессиях",
    "sessions_generated": "{sessions} · составлен {when}",
    "contents": "Содержание", "page_of": "Страница {page} из {total}",
    "forum_report": "Отчёт форума", "forum_rooms": "{rooms} · {sessions}",
    "forum_totals": "Форум в цифрах", "sessions": "Сессии",
    "speakers": "Выступающие (каждый человек один раз)", "speaking_time": "Время выступлений",
    "poll": "Опрос", "answers": "Ответы",
    "n_rooms": "Залов: {n}", "one_room": "1 зал",
    "n_sessions": "Сессий: {n}", "one_session": "1 сессия",
    "date_format": "{day} {month} {year} г.",
}

# The SDGs' short names as the UN publishes them in each language (English: core.notes).
SDG_NAMES: dict[str, tuple[str, ...]] = {
    "fr": ("Pas de pauvreté", "Faim « zéro »", "Bonne santé et bien-être",
           "Éducation de qualité", "Égalité entre les sexes", "Eau propre et assainissement",
           "Énergie propre et d'un coût abordable", "Travail décent et croissance économique",
           "Industrie, innovation et infrastructure", "Inégalités réduites",
           "Villes et communautés durables", "Consommation et production responsables",
           "Mesures relatives à la lutte contre les changements climatiques", "Vie aquatique",
           "Vie terrestre", "Paix, justice et institutions efficaces",
           "Partenariats pour la réalisation des objectifs"),
    "es": ("Fin de la pobreza", "Hambre cero", "Salud y bienestar", "Educación de calidad",
           "Igualdad de género", "Agua limpia y saneamiento",
           "Energía asequible y no contaminante", "Trabajo decente y crecimiento económico",
           "Industria, innovación e infraestructura", "Reducción de las desigualdades",
           "Ciudades y comunidades sostenibles", "Producción y consumo responsables",
           "Acción por el clima", "Vida submarina", "Vida de ecosistemas terrestres",
           "Paz, justicia e instituciones sólidas", "Alianzas para lograr los objetivos"),
    "ru": ("Ликвидация нищеты", "Ликвидация голода", "Хорошее здоровье и благополучие",
           "Качественное образование", "Гендерное равенство", "Чистая вода и санитария",
           "Недорогостоящая и чистая энергия", "Достойная работа и экономический рост",
           "Индустриализация, инновации и инфраструктура", "Уменьшение неравенства",
           "Устойчивые города и населённые пункты", "Ответственное потребление и производство",
           "Борьба с изменением климата", "Сохранение морских экосистем",
           "Сохранение экосистем суши", "Мир, правосудие и эффективные институты",
           "Партнёрство в интересах устойчивого развития"),
    "zh": ("无贫穷", "零饥饿", "良好健康与福祉", "优质教育", "性别平等", "清洁饮水和卫生设施",
           "经济适用的清洁能源", "体面工作和经济增长", "产业、创新和基础设施", "减少不平等",
           "可持续城市和社区", "负责任消费和生产", "气候行动", "水下生物", "陆地生物",
           "和平、正义与强大机构", "促进目标实现的伙伴关系"),
    "ar": ("القضاء على الفقر", "القضاء التام على الجوع", "الصحة الجيدة والرفاه",
           "التعليم الجيد", "المساواة بين الجنسين", "المياه النظيفة والنظافة الصحية",
           "طاقة نظيفة وبأسعار معقولة", "العمل اللائق ونمو الاقتصاد",
           "الصناعة والابتكار والهياكل الأساسية", "الحد من أوجه عدم المساواة",
           "مدن ومجتمعات محلية مستدامة", "الاستهلاك والإنتاج المسؤولان", "العمل المناخي",
           "الحياة تحت الماء", "الحياة في البر", "السلام والعدل والمؤسسات القوية",
           "عقد الشراكات لتحقيق الأهداف"),
}

# Words the app stores in English (core/model.py CONSTITUENCIES, GENDERS, slot kinds;
# core/statistics.py UNSPECIFIED), printed in the report's language by the stored value.
# A value not listed here (a constituency someone typed) prints as typed.
STORED_WORDS: dict[str, dict[str, str]] = {
    "en": {kind.value: label for kind, label in SLOT_KIND_LABELS.items()},
    "fr": {"Local and regional governments": "Gouvernements locaux et régionaux",
           "National governments": "Gouvernements nationaux",
           "UN and international organisations": "ONU et organisations internationales",
           "Civil society": "Société civile", "Private sector": "Secteur privé",
           "Academia": "Milieu universitaire",
           "woman": "femme", "man": "homme", "non-binary": "non binaire",
           "prefers not to say": "préfère ne pas le dire", "not stated": "non indiqué",
           "opening": "mot d'ouverture", "keynote": "discours liminaire",
           "panellist": "panéliste", "floor": "intervention de la salle",
           "closing": "mot de clôture"},
    "es": {"Local and regional governments": "Gobiernos locales y regionales",
           "National governments": "Gobiernos nacionales",
           "UN and international organisations": "ONU y organizaciones internacionales",
           "Civil society": "Sociedad civil", "Private sector": "Sector privado",
           "Academia": "Sector académico",
           "woman": "mujer", "man": "hombre", "non-binary": "no binario",
           "prefers not to say": "prefiere no decirlo", "not stated": "no indicado",
           "opening": "palabras de apertura", "keynote": "discurso principal",
           "panellist": "panelista", "floor": "intervención del público",
           "closing": "palabras de clausura"},
    "ru": {"Local and regional governments": "Местные и региональные органы власти",
           "National governments": "Национальные правительства",
           "UN and international organisations": "ООН и международные организации",
           "Civil society": "Гражданское общество", "Private sector": "Частный сектор",
           "Academia": "Научные круги",
           "woman": "женщина", "man": "мужчина", "non-binary": "небинарная персона",
           "prefers not to say": "предпочитает не указывать", "not stated": "не указано",
           "opening": "вступительное слово", "keynote": "основной доклад",
           "panellist": "участник дискуссии", "floor": "выступление из зала",
           "closing": "заключительное слово"},
    "zh": {"Local and regional governments": "地方和区域政府",
           "National governments": "国家政府",
           "UN and international organisations": "联合国和国际组织",
           "Civil society": "民间社会", "Private sector": "私营部门", "Academia": "学术界",
           "woman": "女性", "man": "男性", "non-binary": "非二元性别",
           "prefers not to say": "不愿透露", "not stated": "未说明",
           "opening": "开幕致辞", "keynote": "主旨发言", "panellist": "小组讨论嘉宾",
           "floor": "现场发言", "closing": "闭幕致辞"},
    "ar": {"Local and regional governments": "الحكومات المحلية والإقليمية",
           "National governments": "الحكومات الوطنية",
           "UN and international organisations": "الأمم المتحدة والمنظمات الدولية",
           "Civil society": "المجتمع المدني", "Private sector": "القطاع الخاص",
           "Academia": "الأوساط الأكاديمية",
           "woman": "امرأة", "man": "رجل", "non-binary": "غير ثنائي الجنس",
           "prefers not to say": "يفضّل عدم الإفصاح", "not stated": "غير مذكور",
           "opening": "كلمة افتتاحية", "keynote": "كلمة رئيسية",
           "panellist": "عضو فريق النقاش", "floor": "مداخلة من القاعة",
           "closing": "كلمة ختامية"},
}

# Month names as a date prints them ("18 mai 2026"; Russian in the genitive, "18 мая";
# Arabic as UN documents write them, "أيار/مايو"; Chinese by number, "5月").
MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "zh": tuple(str(n) for n in range(1, 13)),
    "ar": ("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
           "حزيران/يونيه", "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
           "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"),
}

CATALOGUE: dict[str, dict[str, str]] = {
    "ar": _AR, "zh": _ZH, "en": _EN, "fr": _FR, "ru": _RU, "es": _ES}


class ReportText:
    """The fixed texts of one report language: ``text("answered_n", n=3)``."""

    def __init__(self, language: str = "en") -> None:
        self.language = report_language(language)
        self.rtl = self.language in RIGHT_TO_LEFT
        self._texts = CATALOGUE[self.language]

    def __call__(self, key: str, **values: object) -> str:
        template = self._texts.get(key) or _EN[key]  # a KeyError names a missing key
        return template.format(**values) if values else template

    def sdg(self, number: int) -> str:
        """"ODD 11 : Villes et communautés durables" (number 1–17)."""
        from facilitator.core.notes import SDG_NAMES as ENGLISH

        names = SDG_NAMES.get(self.language, ENGLISH)
        return self("sdg_label", number=number, name=names[number - 1])

    def stored(self, value: str) -> str:
        """A constituency, gender, "not stated" or slot kind as stored (in English) →
        its words in this language; anything else (typed by a user) as it is."""
        return STORED_WORDS.get(self.language, {}).get(value, value)

    def date(self, day: date) -> str:
        """"18 May 2026", "18 de mayo de 2026", "2026年5月18日"."""
        return self("date_format", day=day.day, month=MONTHS[self.language][day.month - 1],
                    year=day.year)

    def moment(self, at: float, zone: ZoneInfo) -> str:
        """A moment for a printed page, zone named: "18 mai 2026, 14:05 (Europe/Paris,
        UTC+02:00)"."""
        local = local_datetime(at, zone)
        return f"{self.date(local)}, {local:%H:%M} ({zone_label(zone, at)})"

    def count(self, n: int, one: str, many: str) -> str:
        """"1 question" / "3 questions" (languages with more plural forms say "Вопросов: 3")."""
        return self(one) if n == 1 else self(many, n=n)


def report_language(language: str | None) -> str:
    """``language`` if reports are printed in it, else raises ValueError naming the six.

    A locale name ("fr_FR", "zh-Hans") is cut to its language; None and "" give English.
    """
    code = (language or "en").replace("-", "_").split("_")[0].lower()
    if code not in CATALOGUE:
        raise ValueError(f"reports are printed in {', '.join(LANGUAGES)}, not {language!r}")
    return code
