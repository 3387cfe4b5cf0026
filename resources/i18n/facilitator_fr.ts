<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Could not open the event</source>
        <translation>Impossible d&apos;ouvrir l&apos;événement</translation>
    </message>
    <message>
        <source>Restored as before: {what}</source>
        <translation>Rétabli comme avant&#xa0;: {what}</translation>
    </message>
    <message>
        <source>The event file could not be read or written: {error}</source>
        <translation>Le fichier de l’événement n’a pas pu être lu ou écrit : {error}</translation>
    </message>
    <message>
        <source>Something went wrong ({error}). Everything done before this was saved; if it happens again, restart facilitator.</source>
        <translation>Un problème est survenu ({error}). Tout ce qui a été fait avant a été enregistré ; si cela se reproduit, redémarrez facilitator.</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Problème inattendu</translation>
    </message>
    <message>
        <source>The last event file is not there</source>
        <translation>Le dernier fichier d’événement est introuvable</translation>
    </message>
    <message>
        <source>{last} could not be found: it may be on a USB stick or a network drive that is not connected. Opened instead: {chosen}. To go back to it, connect the drive and choose it under File › Open recent.</source>
        <translation>{last} est introuvable : il se trouve peut-être sur une clé USB ou un lecteur réseau non connecté. Ouvert à la place : {chosen}. Pour y revenir, connectez le lecteur et choisissez-le dans Fichier › Ouvrir un fichier récent.</translation>
    </message>
</context>
<context>
    <name>BurstFlag</name>
    <message>
        <source>Burst from one address: {count} vote attempts in a minute on “{question}” from phones that had just joined, all from {address}. A hall on one network can do this; a prankster can too.</source>
        <translation>Rafale depuis une seule adresse : {count} tentatives de vote en une minute sur « {question} » venant de téléphones qui venaient de se connecter, tous depuis {address}. Une salle sur un même réseau peut le faire ; un plaisantin aussi.</translation>
    </message>
    <message>
        <source>Burst from one address: {address} tried to add more new phones than a hall arriving would ({count} turned away in a minute).</source>
        <translation>Rafale depuis une seule adresse : {address} a tenté d’ajouter plus de nouveaux téléphones qu’une salle qui arrive ({count} refusés en une minute).</translation>
    </message>
</context>
<context>
    <name>ClockFace</name>
    <message>
        <source>PLEASE CONCLUDE</source>
        <translation>MERCI DE CONCLURE</translation>
    </message>
    <message>
        <source>OVER TIME</source>
        <translation>TEMPS DÉPASSÉ</translation>
    </message>
    <message>
        <source>The speaker&apos;s countdown</source>
        <translation>Le compte à rebours de l&apos;orateur·rice</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>Personne ne parle</translation>
    </message>
</context>
<context>
    <name>CountedWords</name>
    <message numerus="yes">
        <source>%n min behind</source>
        <translation>
            <numerusform>%n min de retard</numerusform>
            <numerusform>%n min de retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ahead</source>
        <translation>
            <numerusform>%n min d&apos;avance</numerusform>
            <numerusform>%n min d&apos;avance</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n MIN LEFT</source>
        <translation>
            <numerusform>%n MIN RESTANTE</numerusform>
            <numerusform>%n MIN RESTANTES</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets, UTF-8 (*.csv)</source>
        <translation>CSV pour tableurs, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>&amp;Agenda…</source>
        <translation>&amp;Programme…</translation>
    </message>
    <message>
        <source>&amp;Questions of this session…</source>
        <translation>&amp;Questions de cette session…</translation>
    </message>
    <message>
        <source>&amp;Notes of this session…</source>
        <translation>&amp;Notes de cette session…</translation>
    </message>
    <message>
        <source>&amp;Timing log of this session…</source>
        <translation>&amp;Minutage de cette session…</translation>
    </message>
    <message>
        <source>&amp;Poll results of this session…</source>
        <translation>Résultats des sonda&amp;ges de cette session…</translation>
    </message>
    <message>
        <source>&amp;Summary of this session (Markdown)…</source>
        <translation>&amp;Synthèse de cette session (Markdown)…</translation>
    </message>
    <message>
        <source>&amp;Whole-event report (PDF)…</source>
        <translation>&amp;Rapport de tout l&apos;événement (PDF)…</translation>
    </message>
    <message>
        <source>Summary of this session (&amp;Word)…</source>
        <translation>Synthèse de cette session (&amp;Word)…</translation>
    </message>
    <message>
        <source>Whole-event report (W&amp;ord)…</source>
        <translation>Rapport de tout l’événement (W&amp;ord)…</translation>
    </message>
    <message>
        <source>&amp;Combine event files…</source>
        <translation>&amp;Combiner des fichiers d’événement…</translation>
    </message>
    <message>
        <source>Report &amp;language</source>
        <translation>&amp;Langue des rapports</translation>
    </message>
    <message>
        <source>Could not change the report language</source>
        <translation>Impossible de changer la langue des rapports</translation>
    </message>
    <message>
        <source>Export the agenda</source>
        <translation>Exporter le programme</translation>
    </message>
    <message>
        <source>Export the questions</source>
        <translation>Exporter les questions</translation>
    </message>
    <message>
        <source>Export the notes</source>
        <translation>Exporter les notes</translation>
    </message>
    <message>
        <source>Export the timing log</source>
        <translation>Exporter le minutage</translation>
    </message>
    <message>
        <source>Export the poll results</source>
        <translation>Exporter les résultats des sondages</translation>
    </message>
    <message>
        <source>Export the summary</source>
        <translation>Exporter la synthèse</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Document Word (*.docx)</translation>
    </message>
    <message>
        <source>Export the whole-event report</source>
        <translation>Exporter le rapport de tout l&apos;événement</translation>
    </message>
    <message>
        <source>Combine event files</source>
        <translation>Combiner des fichiers d’événement</translation>
    </message>
    <message>
        <source>Save the forum report</source>
        <translation>Enregistrer le rapport du forum</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Impossible d&apos;exporter</translation>
    </message>
</context>
<context>
    <name>ExportWriter</name>
    <message>
        <source>Writing {file}…</source>
        <translation>Écriture de {file}…</translation>
    </message>
</context>
<context>
    <name>FloorPanel</name>
    <message>
        <source>Floor requests from phones</source>
        <translation>Demandes de parole des téléphones</translation>
    </message>
    <message>
        <source>Take requests</source>
        <translation>Accepter les demandes</translation>
    </message>
    <message>
        <source>Delegates ask for the floor on the phone page (the same join link as questions) while the session is open to phones.</source>
        <translation>Les délégués demandent la parole sur la page du téléphone (le même lien que pour les questions) tant que la session est ouverte aux téléphones.</translation>
    </message>
    <message>
        <source>Speaking times…</source>
        <translation>Temps de parole…</translation>
    </message>
    <message>
        <source>Accept next (A)</source>
        <translation>Accepter la suivante (A)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>On behalf of</source>
        <translation>Au nom de</translation>
    </message>
    <message>
        <source>Waiting since</source>
        <translation>En attente depuis</translation>
    </message>
    <message>
        <source>Up and Down choose a request; Enter accepts it, Delete declines it.</source>
        <translation>Haut et Bas choisissent une demande&#xa0;; Entrée l’accepte, Suppr la refuse.</translation>
    </message>
    <message>
        <source>Accept the chosen floor request</source>
        <translation>Accepter la demande de parole choisie</translation>
    </message>
    <message>
        <source>Decline the chosen floor request</source>
        <translation>Refuser la demande de parole choisie</translation>
    </message>
    <message>
        <source>Could not read the floor requests</source>
        <translation>Impossible de lire les demandes de parole</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
</context>
<context>
    <name>FloorTimesDialog</name>
    <message>
        <source>Speaking times for floor requests</source>
        <translation>Temps de parole des demandes de la salle</translation>
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
        <translation>Animez des sessions de panel sur place&#xa0;: liste des orateur·rices et chronomètre, questions du public depuis leurs téléphones sur le réseau du lieu, notes des rapporteur·es et synthèse imprimée.</translation>
    </message>
    <message>
        <source>Event files (*.db);;All files (*)</source>
        <translation>Fichiers d&apos;événement (*.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Séan&amp;ce</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>&amp;Questions</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Nouvel événement…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>Enregistrer une &amp;copie…</translation>
    </message>
    <message>
        <source>&amp;Import agenda…</source>
        <translation>&amp;Importer un programme…</translation>
    </message>
    <message>
        <source>Polls</source>
        <translation>Sondages</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>S&amp;ynthèse</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exporté dans {path}</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Add session</source>
        <translation>&amp;Ajouter une session</translation>
    </message>
    <message>
        <source>&amp;Remove session</source>
        <translation>&amp;Supprimer la session</translation>
    </message>
    <message>
        <source>&amp;Team links…</source>
        <translation>Liens de l’é&amp;quipe…</translation>
    </message>
    <message>
        <source>&amp;Quick start</source>
        <translation>&amp;Prise en main</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About facilitator</source>
        <translation>À &amp;propos de facilitator</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <source>Could not create the event</source>
        <translation>Impossible de créer l&apos;événement</translation>
    </message>
    <message>
        <source>Open event</source>
        <translation>Ouvrir un événement</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <source>Could not save a copy</source>
        <translation>Impossible d&apos;enregistrer une copie</translation>
    </message>
    <message>
        <source>Saved a copy to {path}</source>
        <translation>Copie enregistrée dans {path}</translation>
    </message>
    <message>
        <source>Import agenda</source>
        <translation>Importer un programme</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Import de {file}…</translation>
    </message>
    <message>
        <source>Remove the session “{title}” with its speakers, questions and notes?
Edit › Undo brings it back while this window is open.</source>
        <translation>Supprimer la session «&#xa0;{title}&#xa0;» avec ses orateur·rices, questions et notes&#xa0;?
Édition › Annuler la rétablit tant que cette fenêtre est ouverte.</translation>
    </message>
    <message>
        <source>Imported {file}: {summary}</source>
        <translation>{file} importé&#xa0;: {summary}</translation>
    </message>
    <message>
        <source>Agenda (*.json *.csv *.tsv *.xlsx *.ods *.xls);;All files (*)</source>
        <translation>Programme (*.json *.csv *.tsv *.xlsx *.ods *.xls);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>{path} is still being written: it is not started twice</source>
        <translation>{path} est encore en cours d’écriture : il n’est pas relancé</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Undo: {action}</source>
        <translation>Annuler&#xa0;: {action}</translation>
    </message>
    <message>
        <source>Redo: {action}</source>
        <translation>Rétablir&#xa0;: {action}</translation>
    </message>
    <message>
        <source>1 speaking slot</source>
        <translation>1 temps de parole</translation>
    </message>
    <message numerus="yes">
        <source>%n speaking slots</source>
        <translation>
            <numerusform>%n temps de parole</numerusform>
            <numerusform>%n temps de parole</numerusform>
        </translation>
    </message>
    <message>
        <source>{slots} in 1 session</source>
        <translation>{slots} dans 1 session</translation>
    </message>
    <message numerus="yes">
        <source>{slots} in %n sessions</source>
        <translation>
            <numerusform>{slots} dans %n session</numerusform>
            <numerusform>{slots} dans %n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>1 session added, {updated} updated, {slots}</source>
        <translation>1 session ajoutée, mises à jour&#xa0;: {updated}, {slots}</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions added, {updated} updated, {slots}</source>
        <translation>
            <numerusform>%n session ajoutée, mises à jour&#xa0;: {updated}, {slots}</numerusform>
            <numerusform>%n sessions ajoutées, mises à jour&#xa0;: {updated}, {slots}</numerusform>
        </translation>
    </message>
    <message>
        <source>{summary}; hidden rows could not be told apart: every row was imported</source>
        <translation>{summary}&#xa0;; les lignes masquées n’ont pas pu être reconnues&#xa0;: toutes les lignes ont été importées</translation>
    </message>
    <message>
        <source>1 hidden row left out</source>
        <translation>1 ligne masquée laissée de côté</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden rows left out</source>
        <translation>
            <numerusform>%n ligne masquée laissée de côté</numerusform>
            <numerusform>%n lignes masquées laissées de côté</numerusform>
        </translation>
    </message>
    <message>
        <source>{summary}, {hidden}</source>
        <translation>{summary}, {hidden}</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>Supprimer la session</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The language changes the next time facilitator starts.</source>
        <translation>La langue change au prochain démarrage de facilitator.</translation>
    </message>
    <message>
        <source>About facilitator</source>
        <translation>À propos de facilitator</translation>
    </message>
    <message>
        <source>{name} is speaking ({session}).</source>
        <translation>{name} a la parole ({session}).</translation>
    </message>
    <message>
        <source>{name}&apos;s turn is paused ({session}).</source>
        <translation>Le tour de {name} est en pause ({session}).</translation>
    </message>
    <message>
        <source>Questions are open: phones lose the connection until facilitator runs again.</source>
        <translation>Les questions sont ouvertes : les téléphones perdent la connexion jusqu’à ce que facilitator soit relancé.</translation>
    </message>
    <message>
        <source>The team&apos;s links are served: their devices lose the connection until facilitator runs again.</source>
        <translation>Les liens de l’équipe sont servis : leurs appareils perdent la connexion jusqu’à ce que facilitator soit relancé.</translation>
    </message>
    <message>
        <source>Quit facilitator?</source>
        <translation>Quitter facilitator ?</translation>
    </message>
    <message>
        <source>Everything is saved; the clocks go on counting and are shown again when you reopen the event. Quit now?</source>
        <translation>Tout est enregistré ; les chronomètres continuent de tourner et réapparaissent à la réouverture de l’événement. Quitter maintenant ?</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Programme</translation>
    </message>
    <message>
        <source>Agenda: sessions of the event</source>
        <translation>Programme&#xa0;: sessions de l&apos;événement</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>Ajouter une session</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge questions</source>
        <translation>Fusionner les questions</translation>
    </message>
    <message>
        <source>Choose the question to keep (↑ ↓). The others are merged into it: their askers and votes join it, each phone counted once.</source>
        <translation>Choisissez la question à garder (↑ ↓). Les autres y sont fusionnées : leurs auteurs et leurs votes la rejoignent, chaque téléphone compté une fois.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <source>1 vote</source>
        <translation>1 vote</translation>
    </message>
    <message numerus="yes">
        <source>%n votes</source>
        <translation>
            <numerusform>%n vote</numerusform>
            <numerusform>%n votes</numerusform>
        </translation>
    </message>
    <message>
        <source>to {name}</source>
        <translation>à {name}</translation>
    </message>
    <message>
        <source>from {name}</source>
        <translation>de {name}</translation>
    </message>
    <message>
        <source>After merging: #{number} with 1 vote.</source>
        <translation>Après fusion : n° {number} avec 1 vote.</translation>
    </message>
    <message numerus="yes">
        <source>After merging: #{number} with %n votes, each phone once.</source>
        <translation>
            <numerusform>Après fusion : n° {number} avec %n vote, chaque téléphone une fois.</numerusform>
            <numerusform>Après fusion : n° {number} avec %n votes, chaque téléphone une fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>Addressed to {name}.</source>
        <translation>Adressée à {name}.</translation>
    </message>
    <message>
        <source>Asked by {name}.</source>
        <translation>Posée par {name}.</translation>
    </message>
    <message>
        <source>Asked anonymously.</source>
        <translation>Posée anonymement.</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Please conclude</source>
        <translation>Merci de conclure</translation>
    </message>
    <message>
        <source>One minute</source>
        <translation>Une minute</translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation>Le temps est écoulé</translation>
    </message>
    <message>
        <source>Please speak closer to the microphone</source>
        <translation>Merci de parler plus près du micro</translation>
    </message>
    <message>
        <source>Please slow down for the interpreters</source>
        <translation>Merci de ralentir pour les interprètes</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Merci</translation>
    </message>
    <message>
        <source>Message to the speaker</source>
        <translation>Message à l&apos;orateur·rice</translation>
    </message>
    <message>
        <source>&amp;Blink</source>
        <translation>&amp;Clignoter</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>&amp;Clear message</source>
        <translation>&amp;Effacer le message</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
</context>
<context>
    <name>ModerationPanel</name>
    <message>
        <source>Could not read the questions</source>
        <translation>Impossible de lire les questions</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation>Trier&#xa0;par&#xa0;:</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Approve automatically</source>
        <translation>Approuver d&apos;office</translation>
    </message>
    <message>
        <source>New questions go straight to the phones, except those with a watch word</source>
        <translation>Les nouvelles questions vont directement aux téléphones, sauf celles qui contiennent un mot à surveiller</translation>
    </message>
    <message>
        <source>Questions from the audience</source>
        <translation>Questions du public</translation>
    </message>
    <message>
        <source>Approve (A)</source>
        <translation>Approuver (A)</translation>
    </message>
    <message>
        <source>Not selected (X)</source>
        <translation>Non retenue (X)</translation>
    </message>
    <message>
        <source>Edit wording (E)</source>
        <translation>Reformuler (E)</translation>
    </message>
    <message>
        <source>Merge (G)</source>
        <translation>Fusionner (G)</translation>
    </message>
    <message>
        <source>Star (S)</source>
        <translation>Étoile (S)</translation>
    </message>
    <message>
        <source>Put on screen (O)</source>
        <translation>À l&apos;écran (O)</translation>
    </message>
    <message>
        <source>Mark answered (D)</source>
        <translation>Répondue (D)</translation>
    </message>
    <message>
        <source>Tags (T)…</source>
        <translation>Étiquettes (T)…</translation>
    </message>
    <message>
        <source>Answered by:</source>
        <translation>Répondue par&#xa0;:</translation>
    </message>
    <message>
        <source>Watch words:</source>
        <translation>Mots à surveiller&#xa0;:</translation>
    </message>
    <message>
        <source>words that send a question to review, separated by commas</source>
        <translation>mots qui envoient une question à l&apos;examen, séparés par des virgules</translation>
    </message>
    <message>
        <source>Approve question</source>
        <translation>Approuver la question</translation>
    </message>
    <message>
        <source>Question not selected</source>
        <translation>Question non retenue</translation>
    </message>
    <message>
        <source>Edit question wording</source>
        <translation>Reformuler la question</translation>
    </message>
    <message>
        <source>Merge questions</source>
        <translation>Fusionner les questions</translation>
    </message>
    <message>
        <source>Star question</source>
        <translation>Mettre une étoile à la question</translation>
    </message>
    <message>
        <source>Put question on screen</source>
        <translation>Afficher la question à l&apos;écran</translation>
    </message>
    <message>
        <source>Mark question answered</source>
        <translation>Marquer la question comme répondue</translation>
    </message>
    <message>
        <source>Tag question</source>
        <translation>Étiqueter la question</translation>
    </message>
    <message>
        <source>Reading the questions…</source>
        <translation>Lecture des questions…</translation>
    </message>
    <message>
        <source>{review} to review · {approved} approved · {answered} answered · {not_selected} not selected</source>
        <translation>{review}&#xa0;à&#xa0;examiner · {approved}&#xa0;approuvées · {answered}&#xa0;répondues · {not_selected}&#xa0;non&#xa0;retenues</translation>
    </message>
    <message>
        <source> · {merged} merged</source>
        <translation> · {merged} fusionnée(s)</translation>
    </message>
    <message>
        <source>Nothing to merge</source>
        <translation>Rien à fusionner</translation>
    </message>
    <message>
        <source>Select two or more questions to merge: Ctrl+click them, or with the keys Shift+↑/↓ for questions next to each other, Ctrl+↑/↓ then Ctrl+Space to add one further away. Or select one marked ≈ as looking like another.</source>
        <translation>Sélectionnez au moins deux questions à fusionner&#xa0;: Ctrl+clic sur chacune, ou au clavier Maj+↑/↓ pour des questions qui se suivent, Ctrl+↑/↓ puis Ctrl+Espace pour en ajouter une plus loin. Ou sélectionnez une question marquée ≈ parce qu&apos;elle ressemble à une autre.</translation>
    </message>
    <message>
        <source>Those questions were already merged.</source>
        <translation>Ces questions ont déjà été fusionnées.</translation>
    </message>
</context>
<context>
    <name>NotePicker</name>
    <message>
        <source>Pull in plain notes</source>
        <translation>Reprendre des notes simples</translation>
    </message>
    <message>
        <source>Add them to:</source>
        <translation>Les ajouter à :</translation>
    </message>
    <message>
        <source>There are no plain notes in this session.</source>
        <translation>Cette session n’a pas de notes simples.</translation>
    </message>
    <message>
        <source>Tick the notes to add to the summary:</source>
        <translation>Cochez les notes à ajouter à la synthèse :</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Orateur·rice</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Type a note and press Enter</source>
        <translation>Tapez une note et appuyez sur Entrée</translation>
    </message>
    <message>
        <source>What kind of note it is</source>
        <translation>Type de note</translation>
    </message>
    <message>
        <source>Who the note is about; by default whoever is speaking</source>
        <translation>La personne dont parle la note&#xa0;; par défaut, celle qui a la parole</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Notes of this session</source>
        <translation>Notes de cette session</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Supprimer la note</translation>
    </message>
    <message>
        <source>Take a &amp;note</source>
        <translation>Prendre une &amp;note</translation>
    </message>
    <message>
        <source>Select a note to edit it; changes are saved as you type</source>
        <translation>Sélectionnez une note pour la modifier&#xa0;; les changements sont enregistrés pendant la saisie</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Selected note:</source>
        <translation>Note sélectionnée&#xa0;:</translation>
    </message>
    <message>
        <source>Could not read the session</source>
        <translation>Impossible de lire la session</translation>
    </message>
    <message>
        <source>Next: {name}</source>
        <translation>Ensuite&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Nobody is speaking yet: new notes are linked to {name}, who speaks next.</source>
        <translation>Personne n’a encore la parole&#xa0;: les nouvelles notes sont liées à {name}, qui parle ensuite.</translation>
    </message>
    <message>
        <source>Spoke last: {name}</source>
        <translation>A parlé en dernier&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Nobody is speaking now: new notes are linked to {name}, who spoke last.</source>
        <translation>Personne n’a la parole&#xa0;: les nouvelles notes sont liées à {name}, qui a parlé en dernier.</translation>
    </message>
    <message>
        <source>Speaking now: {name}</source>
        <translation>À la parole&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Speaking now: nobody</source>
        <translation>À la parole&#xa0;: personne</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>Aucun·e orateur·rice</translation>
    </message>
    <message>
        <source>New notes are linked to {name}, who is speaking now.</source>
        <translation>Les nouvelles notes sont liées à {name}, qui a la parole.</translation>
    </message>
    <message>
        <source>Nobody is speaking now: new notes are not linked to a speaker.</source>
        <translation>Personne n&apos;a la parole&#xa0;: les nouvelles notes ne sont liées à aucun·e orateur·rice.</translation>
    </message>
    <message>
        <source>Could not keep the note being typed</source>
        <translation>Impossible de conserver la note en cours de saisie</translation>
    </message>
    <message>
        <source>Could not read the notes</source>
        <translation>Impossible de lire les notes</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <source>Phones</source>
        <translation>Téléphones</translation>
    </message>
    <message>
        <source>Open questions for this session</source>
        <translation>Ouvrir les questions pour cette session</translation>
    </message>
    <message>
        <source>Address phones use:</source>
        <translation>Adresse utilisée par les téléphones&#xa0;:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Look for network connections again (after joining the Wi-Fi)</source>
        <translation>Rechercher à nouveau les connexions réseau (après avoir rejoint le Wi-Fi)</translation>
    </message>
    <message>
        <source>The laptop&apos;s address on the venue network, as phones will use it</source>
        <translation>L&apos;adresse de l&apos;ordinateur sur le réseau du lieu, telle que les téléphones l&apos;utiliseront</translation>
    </message>
    <message>
        <source>Show join code on projector</source>
        <translation>Afficher le code au projecteur</translation>
    </message>
    <message>
        <source>Save QR poster…</source>
        <translation>Enregistrer l&apos;affiche QR…</translation>
    </message>
    <message>
        <source>Podium view (the stage on a phone or tablet at the podium: clock, messages, blackout; keep this link private):</source>
        <translation>Vue pupitre (la scène sur un téléphone ou une tablette au pupitre : chronomètre, messages, écran noir ; gardez ce lien privé) :</translation>
    </message>
    <message>
        <source>Serve the podium view</source>
        <translation>Servir la vue pupitre</translation>
    </message>
    <message>
        <source>Start the phone server for the podium view alone; questions stay closed</source>
        <translation>Démarrer le serveur des téléphones pour la seule vue pupitre ; les questions restent fermées</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the podium view&apos;s address</source>
        <translation>Copier l’adresse de la vue pupitre</translation>
    </message>
    <message>
        <source>&amp;Open questions for this session</source>
        <translation>&amp;Ouvrir les questions pour cette session</translation>
    </message>
    <message>
        <source>Show &amp;join code on projector</source>
        <translation>Afficher le code d&apos;&amp;accès au projecteur</translation>
    </message>
    <message>
        <source>Save QR &amp;poster…</source>
        <translation>Enregistrer l&apos;&amp;affiche QR…</translation>
    </message>
    <message>
        <source>Close questions</source>
        <translation>Fermer les questions</translation>
    </message>
    <message>
        <source>127.0.0.1 (this laptop)</source>
        <translation>127.0.0.1 (cet ordinateur)</translation>
    </message>
    <message>
        <source>Phones were told {before} before, and are now told {now}: QR codes and posters printed with {before} will not work, print them again.</source>
        <translation>Les téléphones avaient l’adresse {before}, ils ont maintenant {now}&#xa0;: les QR codes et affiches imprimés avec {before} ne marcheront plus, réimprimez-les.</translation>
    </message>
    <message>
        <source>Could not save the address</source>
        <translation>Impossible d’enregistrer l’adresse</translation>
    </message>
    <message>
        <source>Code: {code}</source>
        <translation>Code&#xa0;: {code}</translation>
    </message>
    <message>
        <source>Questions are closed. Open them to show the QR code.</source>
        <translation>Les questions sont fermées. Ouvrez-les pour afficher le code QR.</translation>
    </message>
    <message>
        <source>Open: phones on the same network can join (port {port}).</source>
        <translation>Ouvertes&#xa0;: les téléphones du même réseau peuvent se connecter (port {port}).</translation>
    </message>
    <message>
        <source>Questions are closed; the phone server runs for the team&apos;s links (port {port}).</source>
        <translation>Les questions sont fermées ; le serveur des téléphones tourne pour les liens de l’équipe (port {port}).</translation>
    </message>
    <message>
        <source>Questions are closed; the phone server runs for the podium view (port {port}).</source>
        <translation>Les questions sont fermées ; le serveur des téléphones tourne pour la vue pupitre (port {port}).</translation>
    </message>
    <message>
        <source>The phone server is running for another session.</source>
        <translation>Le serveur pour téléphones fonctionne pour une autre session.</translation>
    </message>
    <message>
        <source>Could not open questions</source>
        <translation>Impossible d&apos;ouvrir les questions</translation>
    </message>
    <message>
        <source>Could not serve the podium view</source>
        <translation>Impossible de servir la vue pupitre</translation>
    </message>
    <message>
        <source>Could not open the poll to phones</source>
        <translation>Impossible d’ouvrir le sondage aux téléphones</translation>
    </message>
    <message>
        <source>Port {port} is in use by another program, so phones cannot reach facilitator on it.

Close the other program and try again, or use another port: QR codes and posters printed with port {port} will then not work, print them again.</source>
        <translation>Le port {port} est utilisé par un autre programme&#xa0;: les téléphones ne peuvent pas joindre facilitator par ce port.

Fermez l’autre programme et réessayez, ou utilisez un autre port&#xa0;: les QR codes et affiches imprimés avec le port {port} ne marcheront plus, réimprimez-les.</translation>
    </message>
    <message>
        <source>Port in use</source>
        <translation>Port occupé</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Use port {port}</source>
        <translation>Utiliser le port {port}</translation>
    </message>
    <message>
        <source>Could not serve the team&apos;s links</source>
        <translation>Impossible de servir les liens de l’équipe</translation>
    </message>
    <message>
        <source>Save QR poster</source>
        <translation>Enregistrer l&apos;affiche QR</translation>
    </message>
    <message>
        <source>Could not save the poster</source>
        <translation>Impossible d&apos;enregistrer l&apos;affiche</translation>
    </message>
    <message>
        <source>Saved the QR poster to {path}</source>
        <translation>Affiche QR enregistrée dans {path}</translation>
    </message>
</context>
<context>
    <name>PlannedTime</name>
    <message>
        <source>until {time}</source>
        <translation>jusqu’à {time}</translation>
    </message>
    <message>
        <source>{text}: that time has already passed. Type minutes (5) or a time still to come (until 11:30).</source>
        <translation>{text} : cette heure est déjà passée. Saisissez des minutes (5) ou une heure à venir (jusqu’à 11:30).</translation>
    </message>
    <message>
        <source>{text} is more than {limit} minutes away.</source>
        <translation>{text} est à plus de {limit} minutes.</translation>
    </message>
    <message>
        <source>“{text}” is neither minutes (5 or 2.5) nor a time of day to end at (until 10:45).</source>
        <translation>« {text} » n’est ni un nombre de minutes (5 ou 2,5) ni une heure de fin (jusqu’à 10:45).</translation>
    </message>
</context>
<context>
    <name>PollDialog</name>
    <message>
        <source>Single choice</source>
        <translation>Choix unique</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Choix multiple</translation>
    </message>
    <message>
        <source>Rating scale</source>
        <translation>Échelle de notation</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Classement</translation>
    </message>
    <message>
        <source>Word cloud (one to three words)</source>
        <translation>Nuage de mots (un à trois mots)</translation>
    </message>
    <message>
        <source>Open text</source>
        <translation>Texte libre</translation>
    </message>
    <message>
        <source>Edit poll</source>
        <translation>Modifier le sondage</translation>
    </message>
    <message>
        <source>New poll</source>
        <translation>Nouveau sondage</translation>
    </message>
    <message>
        <source>One option per line (2 to {n})</source>
        <translation>Une option par ligne (de 2 à {n})</translation>
    </message>
    <message>
        <source>1 to 5</source>
        <translation>de 1 à 5</translation>
    </message>
    <message>
        <source>1 to 10</source>
        <translation>de 1 à 10</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Question :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Options:</source>
        <translation>&amp;Options :</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>É&amp;chelle :</translation>
    </message>
</context>
<context>
    <name>PollResultsView</name>
    <message>
        <source>1 answer</source>
        <translation>1 réponse</translation>
    </message>
    <message>
        <source>{n} answers</source>
        <translation>{n} réponses</translation>
    </message>
    <message>
        <source>average place, 1 = first</source>
        <translation>place moyenne, 1 = premier</translation>
    </message>
    <message>
        <source>Average: {average}</source>
        <translation>Moyenne : {average}</translation>
    </message>
</context>
<context>
    <name>PollsTab</name>
    <message>
        <source>Polls of this session</source>
        <translation>Sondages de cette session</translation>
    </message>
    <message>
        <source>New poll…</source>
        <translation>Nouveau sondage…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Open on phones</source>
        <translation>Ouvrir sur les téléphones</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Show results</source>
        <translation>Afficher les résultats</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>préparé</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>OUVERT</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>results shown</source>
        <translation>résultats affichés</translation>
    </message>
    <message>
        <source>Close the open poll first: the phones and the projector show it.</source>
        <translation>Fermez d’abord le sondage ouvert&#xa0;: les téléphones et le projecteur l’affichent.</translation>
    </message>
    <message>
        <source>Hide results</source>
        <translation>Masquer les résultats</translation>
    </message>
    <message>
        <source>No poll yet: write one with New poll…</source>
        <translation>Aucun sondage pour l’instant : rédigez-en un avec Nouveau sondage…</translation>
    </message>
    <message>
        <source>{n} held back by the watch words</source>
        <translation>{n} retenus par les mots surveillés</translation>
    </message>
    <message>
        <source>Remove poll</source>
        <translation>Supprimer le sondage</translation>
    </message>
    <message>
        <source>Remove this poll with its answers ({answers})? Edit › Undo brings them back.</source>
        <translation>Supprimer ce sondage avec ses réponses ({answers}) ? Édition › Annuler les rétablit.</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>facilitator — projector</source>
        <translation>facilitator — projecteur</translation>
    </message>
    <message>
        <source>Send your questions from your phone</source>
        <translation>Envoyez vos questions depuis votre téléphone</translation>
    </message>
    <message>
        <source>Next: {name}</source>
        <translation>Ensuite&#xa0;: {name}</translation>
    </message>
    <message>
        <source>or open {address} and type the code</source>
        <translation>ou ouvrez {address} et tapez le code</translation>
    </message>
    <message>
        <source>Code: {code}</source>
        <translation>Code&#xa0;: {code}</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <source>Scan it with a phone&apos;s camera to open the questions page</source>
        <translation>Scannez-le avec l’appareil photo d’un téléphone pour ouvrir la page des questions</translation>
    </message>
    <message>
        <source>QR code for {address}</source>
        <translation>Code QR pour {address}</translation>
    </message>
    <message>
        <source>No QR code</source>
        <translation>Pas de code QR</translation>
    </message>
</context>
<context>
    <name>QuestionFilter</name>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À examiner</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvée</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondue</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>Non retenue</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionnée</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Avec étoile</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Signalées</translation>
    </message>
</context>
<context>
    <name>QuestionTableModel</name>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>{status} by {name}</source>
        <translation>{status} par {name}</translation>
    </message>
    <message>
        <source>{status} into #{number}</source>
        <translation>{status} dans la n° {number}</translation>
    </message>
    <message>
        <source>ON SCREEN</source>
        <translation>À L&apos;ÉCRAN</translation>
    </message>
    <message>
        <source>⚑ review</source>
        <translation>⚑ à examiner</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifiée</translation>
    </message>
    <message>
        <source>Sent as: {text}</source>
        <translation>Envoyée ainsi&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Watch words: {words}</source>
        <translation>Mots à surveiller&#xa0;: {words}</translation>
    </message>
    <message>
        <source>(list changed since)</source>
        <translation>(liste modifiée depuis)</translation>
    </message>
    <message>
        <source>Looks like question #{number}; select it and press G to merge</source>
        <translation>Ressemble à la question n° {number}&#xa0;; sélectionnez-la et appuyez sur G pour fusionner</translation>
    </message>
</context>
<context>
    <name>QuestionTagsDialog</name>
    <message>
        <source>Tags of the question</source>
        <translation>Étiquettes de la question</translation>
    </message>
    <message>
        <source>Ticked from the question&apos;s words: check them.</source>
        <translation>Cochées d’après les mots de la question : vérifiez-les.</translation>
    </message>
    <message>
        <source>Tick the dialogues, SDGs and guiding questions it raises.</source>
        <translation>Cochez les dialogues, ODD et questions directrices qu’elle soulève.</translation>
    </message>
    <message>
        <source>{tag} (suggested)</source>
        <translation>{tag} (suggérée)</translation>
    </message>
</context>
<context>
    <name>QuestionTagsLine</name>
    <message>
        <source>Tags: {tags}</source>
        <translation>Étiquettes&#xa0;: {tags}</translation>
    </message>
    <message>
        <source>No tags yet (T tags the question).</source>
        <translation>Pas encore d&apos;étiquettes (T étiquette la question).</translation>
    </message>
</context>
<context>
    <name>QuickStartDialog</name>
    <message>
        <source>Quick start</source>
        <translation>Prise en main</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>1 character could not be printed (shown as �)</source>
        <translation>1 caractère n’a pas pu être imprimé (affiché �)</translation>
    </message>
    <message>
        <source>{count} characters could not be printed (shown as �)</source>
        <translation>{count} caractères n’ont pas pu être imprimés (affichés �)</translation>
    </message>
</context>
<context>
    <name>RoomKeeper</name>
    <message>
        <source>questions open</source>
        <translation>questions ouvertes</translation>
    </message>
    <message>
        <source>team links</source>
        <translation>liens de l’équipe</translation>
    </message>
    <message>
        <source>podium view</source>
        <translation>vue pupitre</translation>
    </message>
    <message>
        <source>live poll</source>
        <translation>sondage en direct</translation>
    </message>
    <message>
        <source>projector</source>
        <translation>projecteur</translation>
    </message>
</context>
<context>
    <name>RunTab</name>
    <message>
        <source>Not started · planned length {length}</source>
        <translation>Pas commencée · durée prévue {length}</translation>
    </message>
    <message>
        <source>Scheduled end {time}</source>
        <translation>Fin au programme {time}</translation>
    </message>
    <message>
        <source>Planned end {time}</source>
        <translation>Fin prévue {time}</translation>
    </message>
    <message>
        <source>ended {time} ({schedule})</source>
        <translation>terminée à {time} ({schedule})</translation>
    </message>
    <message>
        <source>projected {time} ({schedule})</source>
        <translation>estimée {time} ({schedule})</translation>
    </message>
    <message>
        <source>overtime so far {time}</source>
        <translation>dépassement jusqu&apos;ici {time}</translation>
    </message>
    <message>
        <source>next: {name}</source>
        <translation>ensuite&#xa0;: {name}</translation>
    </message>
    <message>
        <source>last speaker</source>
        <translation>dernier·ère orateur·rice</translation>
    </message>
    <message>
        <source>Speakers list</source>
        <translation>Liste des orateur·rices</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(non précisé)</translation>
    </message>
    <message>
        <source>Floor request: type a name, then Enter  (R)</source>
        <translation>Demande de parole&#xa0;: tapez un nom, puis Entrée  (R)</translation>
    </message>
    <message>
        <source>Chime at 0:00</source>
        <translation>Signal sonore à 0:00</translation>
    </message>
    <message>
        <source>Warning at</source>
        <translation>Avertissement à</translation>
    </message>
    <message>
        <source>Danger at</source>
        <translation>Alerte à</translation>
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
        <translation>&amp;Démarrer / pause</translation>
    </message>
    <message>
        <source>&amp;Next speaker</source>
        <translation>Orateur·rice &amp;suivant·e</translation>
    </message>
    <message>
        <source>&amp;Previous speaker</source>
        <translation>Orateur·rice &amp;précédent·e</translation>
    </message>
    <message>
        <source>Add 30 s</source>
        <translation>Ajouter 30 s</translation>
    </message>
    <message>
        <source>Take away 30 s</source>
        <translation>Retirer 30 s</translation>
    </message>
    <message>
        <source>Add 1 min</source>
        <translation>Ajouter 1 min</translation>
    </message>
    <message>
        <source>Take away 1 min</source>
        <translation>Retirer 1 min</translation>
    </message>
    <message>
        <source>&amp;Floor request…</source>
        <translation>Demande de &amp;parole…</translation>
    </message>
    <message>
        <source>Accept ne&amp;xt floor request from a phone</source>
        <translation>Accepter la demande de parole &amp;suivante d’un téléphone</translation>
    </message>
    <message>
        <source>Re-add &amp;last speaker</source>
        <translation>Redonner la parole au &amp;dernier·ère orateur·rice</translation>
    </message>
    <message>
        <source>&amp;Add speaker…</source>
        <translation>&amp;Ajouter un·e orateur·rice…</translation>
    </message>
    <message>
        <source>Remove speaker</source>
        <translation>Supprimer l&apos;orateur·rice</translation>
    </message>
    <message>
        <source>Move speaker up</source>
        <translation>Monter l&apos;orateur·rice</translation>
    </message>
    <message>
        <source>Move speaker down</source>
        <translation>Descendre l&apos;orateur·rice</translation>
    </message>
    <message>
        <source>Speaking &amp;time statistics…</source>
        <translation>Statistiques du &amp;temps de parole…</translation>
    </message>
    <message>
        <source>Show &amp;projector</source>
        <translation>Afficher le &amp;projecteur</translation>
    </message>
    <message>
        <source>Projector &amp;fullscreen</source>
        <translation>Projecteur en &amp;plein écran</translation>
    </message>
    <message>
        <source>&amp;Blackout</source>
        <translation>Écran &amp;noir</translation>
    </message>
    <message>
        <source>&amp;Message to the speaker…</source>
        <translation>&amp;Message à l&apos;orateur·rice…</translation>
    </message>
    <message>
        <source>Clear the message</source>
        <translation>Effacer le message</translation>
    </message>
    <message>
        <source>Projector screen</source>
        <translation>Écran du projecteur</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>◀ Previous (P)</source>
        <translation>◀ Précédent (P)</translation>
    </message>
    <message>
        <source>Next (N) ▶</source>
        <translation>Suivant (N) ▶</translation>
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
        <translation>Projecteur</translation>
    </message>
    <message>
        <source>Fullscreen (F)</source>
        <translation>Plein écran (F)</translation>
    </message>
    <message>
        <source>Message (M)</source>
        <translation>Message (M)</translation>
    </message>
    <message>
        <source>Blackout (B)</source>
        <translation>Écran noir (B)</translation>
    </message>
    <message>
        <source>Add speaker…</source>
        <translation>Ajouter un·e orateur·rice…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Re-add last speaker</source>
        <translation>Redonner la parole</translation>
    </message>
    <message>
        <source>Statistics…</source>
        <translation>Statistiques…</translation>
    </message>
    <message>
        <source>Could not read the session</source>
        <translation>Impossible de lire la session</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>EN PAUSE</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>Personne ne parle</translation>
    </message>
    <message>
        <source>The speakers list is done.</source>
        <translation>La liste des orateur·rices est terminée.</translation>
    </message>
    <message>
        <source>Ready: press Space to start.</source>
        <translation>Prêt&#xa0;: appuyez sur Espace pour démarrer.</translation>
    </message>
    <message>
        <source>Speaking for {time}</source>
        <translation>Parle depuis {time}</translation>
    </message>
    <message>
        <source>Paused: press Space to resume.</source>
        <translation>En pause&#xa0;: appuyez sur Espace pour reprendre.</translation>
    </message>
    <message>
        <source>Finished: press Space to continue this speaker, N for the next.</source>
        <translation>Terminé&#xa0;: Espace pour prolonger cette intervention, N pour la suivante.</translation>
    </message>
    <message>
        <source>  (time {sign}{time})</source>
        <translation>  (temps {sign}{time})</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Espace)</translation>
    </message>
    <message>
        <source>Resume (Space)</source>
        <translation>Reprendre (Espace)</translation>
    </message>
    <message>
        <source>Start (Space)</source>
        <translation>Démarrer (Espace)</translation>
    </message>
    <message>
        <source>{name} has already spoken; removing the turn removes its recorded time too. Remove it?</source>
        <translation>{name} a déjà parlé&#xa0;; supprimer ce temps de parole supprime aussi le temps enregistré. Le supprimer&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Could not read the stage message</source>
        <translation>Impossible de lire le message de la scène</translation>
    </message>
</context>
<context>
    <name>SessionDetails</name>
    <message numerus="yes">
        <source>%n speakers, {minutes} min planned</source>
        <translation>
            <numerusform>%n orateur·rice, {minutes} min prévues</numerusform>
            <numerusform>%n orateur·rices, {minutes} min prévues</numerusform>
        </translation>
    </message>
    <message>
        <source>New speaker</source>
        <translation>Nouvel·le orateur·rice</translation>
    </message>
    <message>
        <source>&amp;Guiding questions
(one per line)</source>
        <translation>Q&amp;uestions directrices
(une par ligne)</translation>
    </message>
    <message>
        <source>Themes (&amp;WUF12 dialogues)</source>
        <translation>T&amp;hèmes (dialogues du WUF12)</translation>
    </message>
    <message>
        <source>Separated by semicolons</source>
        <translation>Séparés par des points-virgules</translation>
    </message>
    <message>
        <source>Tit&amp;le</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>Des&amp;cription</source>
        <translation>Descr&amp;iption</translation>
    </message>
    <message>
        <source>R&amp;oom</source>
        <translation>Sa&amp;lle</translation>
    </message>
    <message>
        <source>S&amp;tarts / ends</source>
        <translation>Dé&amp;but / fin</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Début à</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Fin à</translation>
    </message>
    <message>
        <source>Time &amp;zone of the event</source>
        <translation>Fuseau horaire de l’é&amp;vénement</translation>
    </message>
    <message>
        <source>Every time is shown and printed in this zone, whatever the laptop&apos;s zone (an IANA name such as Europe/Paris)</source>
        <translation>Toutes les heures sont affichées et imprimées dans ce fuseau, quel que soit celui de l&apos;ordinateur (un nom IANA comme Europe/Paris)</translation>
    </message>
    <message>
        <source>Time zone of the event</source>
        <translation>Fuseau horaire de l&apos;événement</translation>
    </message>
    <message>
        <source>&amp;Moderator</source>
        <translation>&amp;Modérateur·rice</translation>
    </message>
    <message>
        <source>Ra&amp;pporteur</source>
        <translation>&amp;Rapporteur·e</translation>
    </message>
    <message>
        <source>Spea&amp;king slots</source>
        <translation>Temps de par&amp;ole</translation>
    </message>
    <message>
        <source>Speaking slots</source>
        <translation>Temps de parole</translation>
    </message>
    <message>
        <source>Add speaker</source>
        <translation>Ajouter un·e orateur·rice</translation>
    </message>
    <message>
        <source>Remove speaker</source>
        <translation>Supprimer l&apos;orateur·rice</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>Session {number}: {title}</source>
        <translation>Session {number}&#xa0;: {title}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>SlotTableModel</name>
    <message>
        <source>Speaker</source>
        <translation>Orateur·rice</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Constituency</source>
        <translation>Groupe constitutif</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Spoken</source>
        <translation>Parlé</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>speaking</source>
        <translation>parle</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>sauté</translation>
    </message>
    <message>
        <source>{number}, current speaker</source>
        <translation>{number}, orateur·rice actuel·le</translation>
    </message>
    <message>
        <source>Minutes (5 or 2.5), or a time of day to end at (until 10:45)</source>
        <translation>Minutes (5 ou 2,5), ou une heure de fin (jusqu’à 10:45)</translation>
    </message>
    <message>
        <source>{status}, {time} over</source>
        <translation>{status} (+{time})</translation>
    </message>
    <message>
        <source>Could not save the speaker</source>
        <translation>Impossible d&apos;enregistrer l&apos;orateur·rice</translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <source>Add speaker</source>
        <translation>Ajouter un·e orateur·rice</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(non précisé)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>or &amp;until</source>
        <translation>ou &amp;jusqu’à</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Fonction</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Constituency</source>
        <translation>&amp;Groupe constitutif</translation>
    </message>
    <message>
        <source>&amp;Gender (optional)</source>
        <translation>G&amp;enre (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Planned time</source>
        <translation>&amp;Durée prévue</translation>
    </message>
</context>
<context>
    <name>SpokenClock</name>
    <message>
        <source>{n} minutes left</source>
        <translation>{n}&#xa0;minutes restantes</translation>
    </message>
    <message>
        <source>1 minute or less left</source>
        <translation>1&#xa0;minute ou moins restante</translation>
    </message>
    <message>
        <source>time is up</source>
        <translation>le temps est écoulé</translation>
    </message>
    <message>
        <source>over time</source>
        <translation>temps dépassé</translation>
    </message>
    <message>
        <source>over time by 1 minute</source>
        <translation>temps dépassé de 1&#xa0;minute</translation>
    </message>
    <message>
        <source>over time by {n} minutes</source>
        <translation>temps dépassé de {n}&#xa0;minutes</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>Personne ne parle</translation>
    </message>
    <message>
        <source>{time}, please conclude</source>
        <translation>{time}, merci de conclure</translation>
    </message>
    <message>
        <source>paused, {time}</source>
        <translation>en pause, {time}</translation>
    </message>
    <message>
        <source>{speaker}: {time}</source>
        <translation>{speaker}&#xa0;: {time}</translation>
    </message>
</context>
<context>
    <name>StagePreview</name>
    <message>
        <source>Blackout: the projector is black (B to undo)</source>
        <translation>Écran noir : le projecteur est noir (B pour annuler)</translation>
    </message>
    <message>
        <source>The projector shows the join code, not this clock (Questions tab: Show join code on projector)</source>
        <translation>Le projecteur affiche le code pour rejoindre, pas ce chronomètre (onglet Questions&#xa0;: Afficher le code au projecteur)</translation>
    </message>
    <message>
        <source>The projector shows the poll&apos;s results, not this clock (Polls tab)</source>
        <translation>Le projecteur affiche les résultats du sondage, pas ce chronomètre (onglet Sondages)</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Turns</source>
        <translation>Interventions</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Share of time</source>
        <translation>Part du temps</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>Temps de parole</translation>
    </message>
    <message numerus="yes">
        <source>Planned {planned} · spoken {spoken} in %n turns · overtime {overtime}</source>
        <translation>
            <numerusform>Prévu {planned} · parlé {spoken} en %n intervention · dépassement {overtime}</numerusform>
            <numerusform>Prévu {planned} · parlé {spoken} en %n interventions · dépassement {overtime}</numerusform>
        </translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Orateur·rice</translation>
    </message>
    <message>
        <source>By &amp;speaker</source>
        <translation>Par &amp;orateur·rice</translation>
    </message>
    <message>
        <source>Constituency</source>
        <translation>Groupe constitutif</translation>
    </message>
    <message>
        <source>By &amp;constituency</source>
        <translation>Par &amp;groupe constitutif</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>By &amp;gender</source>
        <translation>Par g&amp;enre</translation>
    </message>
</context>
<context>
    <name>SummaryConflict</name>
    <message>
        <source>Summary changed elsewhere</source>
        <translation>Synthèse modifiée ailleurs</translation>
    </message>
    <message>
        <source>“{section}” was saved on a rapporteur&apos;s device while you were editing it here. Which text should the summary keep?</source>
        <translation>« {section} » a été enregistrée sur l’appareil d’un·e rapporteur·e pendant que vous la modifiiez ici. Quel texte la synthèse doit-elle garder ?</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Yours:
{mine}

Theirs:
{theirs}</source>
        <translation>Le vôtre :
{mine}

L’autre :
{theirs}</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Garder le mien</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Prendre l’autre</translation>
    </message>
    <message>
        <source>Merge by hand</source>
        <translation>Fusionner à la main</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>the printer could not start printing</source>
        <translation>l&apos;imprimante n&apos;a pas pu commencer l&apos;impression</translation>
    </message>
    <message>
        <source>Key messages</source>
        <translation>Messages clés</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <source>Way forward</source>
        <translation>Perspectives</translation>
    </message>
    <message>
        <source>Fill empty sections from notes</source>
        <translation>Compléter à partir des notes</translation>
    </message>
    <message>
        <source>Pull in plain notes…</source>
        <translation>Reprendre des notes simples…</translation>
    </message>
    <message>
        <source>Summary sections</source>
        <translation>Sections de la synthèse</translation>
    </message>
    <message>
        <source>Paper size of the PDF</source>
        <translation>Format de papier du PDF</translation>
    </message>
    <message>
        <source>Refresh preview</source>
        <translation>Actualiser l&apos;aperçu</translation>
    </message>
    <message>
        <source>&amp;Print summary…</source>
        <translation>&amp;Imprimer la synthèse…</translation>
    </message>
    <message>
        <source>&amp;Save summary PDF…</source>
        <translation>&amp;Enregistrer le PDF de la synthèse…</translation>
    </message>
    <message>
        <source>&amp;Open summary PDF</source>
        <translation>&amp;Ouvrir le PDF de la synthèse</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Enregistrer le PDF…</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Ouvrir le PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Preview of the PDF</source>
        <translation>Aperçu du PDF</translation>
    </message>
    <message>
        <source>One point a line</source>
        <translation>Un point par ligne</translation>
    </message>
    <message>
        <source>Answers to the guiding questions</source>
        <translation>Réponses aux questions directrices</translation>
    </message>
    <message>
        <source>This session has no guiding questions.</source>
        <translation>Cette session n&apos;a pas de questions directrices.</translation>
    </message>
    <message>
        <source>Could not read the session</source>
        <translation>Impossible de lire la session</translation>
    </message>
    <message>
        <source>Could not read the summary</source>
        <translation>Impossible de lire la synthèse</translation>
    </message>
    <message>
        <source>Select a session to write its summary.</source>
        <translation>Sélectionnez une session pour rédiger sa synthèse.</translation>
    </message>
    <message>
        <source>Draft from the notes (key messages, recommendations, commitments, partnership examples, notes tagged with a question). Edit any section to keep it.</source>
        <translation>Brouillon tiré des notes (messages clés, recommandations, engagements, exemples de partenariat, notes étiquetées avec une question). Modifiez une section pour la conserver.</translation>
    </message>
    <message>
        <source>Saved. Every change is saved as you type.</source>
        <translation>Enregistré. Chaque modification est enregistrée pendant la saisie.</translation>
    </message>
    <message>
        <source>Could not make the summary PDF</source>
        <translation>Impossible de créer le PDF de la synthèse</translation>
    </message>
    <message>
        <source>Sending the summary to the printer…</source>
        <translation>Envoi de la synthèse à l’imprimante…</translation>
    </message>
    <message>
        <source>1 page, {size}</source>
        <translation>1 page, {size}</translation>
    </message>
    <message numerus="yes">
        <source>%n pages, {size}</source>
        <translation>
            <numerusform>%n page, {size}</numerusform>
            <numerusform>%n pages, {size}</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not keep the page size</source>
        <translation>Impossible de conserver le format de page</translation>
    </message>
    <message>
        <source>Save the summary as PDF</source>
        <translation>Enregistrer la synthèse en PDF</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Making the summary PDF…</source>
        <translation>Création du PDF de la synthèse…</translation>
    </message>
    <message>
        <source>Still sending the summary to the printer…</source>
        <translation>La synthèse est encore en cours d’envoi à l’imprimante…</translation>
    </message>
    <message>
        <source>Print the summary</source>
        <translation>Imprimer la synthèse</translation>
    </message>
    <message>
        <source>Sent 1 page to the printer</source>
        <translation>1 page envoyée à l’imprimante</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n pages to the printer</source>
        <translation>
            <numerusform>%n page envoyée à l’imprimante</numerusform>
            <numerusform>%n pages envoyées à l’imprimante</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not print the summary</source>
        <translation>Impossible d&apos;imprimer la synthèse</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <source>Tags ({count})</source>
        <translation>Étiquettes ({count})</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Guiding questions, SDGs, WUF12 themes</source>
        <translation>Questions directrices, ODD, thèmes du WUF12</translation>
    </message>
</context>
<context>
    <name>TeamPanel</name>
    <message>
        <source>Rapporteur</source>
        <translation>Rapporteur·e</translation>
    </message>
    <message>
        <source>Co-moderator</source>
        <translation>Co-modérateur·rice</translation>
    </message>
    <message>
        <source>Timekeeper</source>
        <translation>Maître·sse du temps</translation>
    </message>
    <message>
        <source>Podium</source>
        <translation>Pupitre</translation>
    </message>
    <message>
        <source>Takes notes and writes the summary from a laptop or tablet.</source>
        <translation>Prend des notes et rédige la synthèse depuis un ordinateur ou une tablette.</translation>
    </message>
    <message>
        <source>Screens audience questions and puts them on screen.</source>
        <translation>Trie les questions du public et les met à l’écran.</translation>
    </message>
    <message>
        <source>Drives the clock, the message to the speaker and the blackout from a phone or a Stream Deck.</source>
        <translation>Pilote le chronomètre, le message à l’orateur·rice et l’écran noir depuis un téléphone ou un Stream Deck.</translation>
    </message>
    <message>
        <source>Shows the speaker&apos;s clock and messages on a tablet at the podium.</source>
        <translation>Affiche le chronomètre et les messages de l’orateur·rice sur une tablette au pupitre.</translation>
    </message>
    <message>
        <source>Team links</source>
        <translation>Liens de l’équipe</translation>
    </message>
    <message>
        <source>Give each member of the team a link of their own: it opens their role&apos;s page on their phone, tablet or laptop, on the venue network. Revoke a link and its device is shut out at once.</source>
        <translation>Donnez à chaque membre de l’équipe son propre lien : il ouvre la page de son rôle sur son téléphone, sa tablette ou son ordinateur, sur le réseau du lieu. Révoquez un lien et son appareil est aussitôt exclu.</translation>
    </message>
    <message>
        <source>&amp;Serve the team&apos;s links</source>
        <translation>&amp;Servir les liens de l’équipe</translation>
    </message>
    <message>
        <source>New link</source>
        <translation>Nouveau lien</translation>
    </message>
    <message>
        <source>Person or device (optional)</source>
        <translation>Personne ou appareil (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Create link</source>
        <translation>&amp;Créer le lien</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Vu</translation>
    </message>
    <message>
        <source>No team links yet: nothing is served to team devices.</source>
        <translation>Aucun lien d’équipe pour l’instant : rien n’est servi aux appareils de l’équipe.</translation>
    </message>
    <message>
        <source>Scan it with the team member&apos;s phone or tablet to open their page</source>
        <translation>Scannez-le avec le téléphone ou la tablette du membre de l’équipe pour ouvrir sa page</translation>
    </message>
    <message>
        <source>C&amp;opy link</source>
        <translation>C&amp;opier le lien</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Ré&amp;voquer…</translation>
    </message>
    <message>
        <source>Could not read the team&apos;s links</source>
        <translation>Impossible de lire les liens de l’équipe</translation>
    </message>
    <message>
        <source>Not seen yet</source>
        <translation>Pas encore vu</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Last seen {time}</source>
        <translation>Vu pour la dernière fois à {time}</translation>
    </message>
    <message>
        <source>The phone server is running: team links work on the venue network.</source>
        <translation>Le serveur des téléphones tourne : les liens de l’équipe fonctionnent sur le réseau du lieu.</translation>
    </message>
    <message>
        <source>The phone server is stopped: team links do not work until it runs.</source>
        <translation>Le serveur des téléphones est arrêté : les liens de l’équipe ne fonctionnent pas tant qu’il ne tourne pas.</translation>
    </message>
    <message>
        <source>The phone server starts when you create the first link.</source>
        <translation>Le serveur des téléphones démarre quand vous créez le premier lien.</translation>
    </message>
    <message>
        <source>Revoke link</source>
        <translation>Révoquer le lien</translation>
    </message>
    <message>
        <source>Revoke the link of {who}? Its device is shut out at once; a new link means scanning a new QR code.</source>
        <translation>Révoquer le lien de {who} ? Son appareil est aussitôt exclu ; un nouveau lien demande de scanner un nouveau code QR.</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Révoquer</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>There is no session {session_id} in this event.</source>
        <translation>Il n’y a pas de session {session_id} dans cet événement.</translation>
    </message>
    <message>
        <source>That speaker is no longer on the list.</source>
        <translation>Cet·te orateur·rice n’est plus dans la liste.</translation>
    </message>
    <message>
        <source>That question is no longer there.</source>
        <translation>Cette question n’existe plus.</translation>
    </message>
    <message>
        <source>That note is no longer there.</source>
        <translation>Cette note n’existe plus.</translation>
    </message>
    <message>
        <source>A session needs a title.</source>
        <translation>Une session doit avoir un titre.</translation>
    </message>
    <message>
        <source>Choose at least two questions to merge.</source>
        <translation>Choisissez au moins deux questions à fusionner.</translation>
    </message>
    <message>
        <source>Questions from different sessions cannot be merged.</source>
        <translation>Des questions de sessions différentes ne peuvent pas être fusionnées.</translation>
    </message>
    <message>
        <source>That question was already merged into another one.</source>
        <translation>Cette question a déjà été fusionnée dans une autre.</translation>
    </message>
    <message>
        <source>Approve the question before putting it on screen.</source>
        <translation>Approuvez la question avant de l’afficher à l’écran.</translation>
    </message>
    <message>
        <source>The question cannot be saved: {reason}</source>
        <translation>La question ne peut pas être enregistrée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The name cannot be saved: {reason}</source>
        <translation>Le nom ne peut pas être enregistré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Une note doit contenir du texte.</translation>
    </message>
    <message>
        <source>The summary has no section {section}.</source>
        <translation>Le résumé n’a pas de section {section}.</translation>
    </message>
    <message>
        <source>Someone else saved this section of the summary meanwhile: compare their text with yours and choose.</source>
        <translation>Quelqu’un d’autre a enregistré cette section du résumé entre-temps : comparez son texte avec le vôtre et choisissez.</translation>
    </message>
    <message>
        <source>Planned time must be more than zero.</source>
        <translation>Le temps prévu doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>The new order must list every speaker of the session once.</source>
        <translation>Le nouvel ordre doit citer chaque orateur·rice de la session une fois.</translation>
    </message>
    <message>
        <source>That floor request is no longer there.</source>
        <translation>Cette demande de parole n’existe plus.</translation>
    </message>
    <message>
        <source>That floor request was already answered.</source>
        <translation>Cette demande de parole a déjà reçu une réponse.</translation>
    </message>
    <message>
        <source>Speaking times must be between 1 second and 30 minutes.</source>
        <translation>Les temps de parole doivent être compris entre 1 seconde et 30 minutes.</translation>
    </message>
    <message>
        <source>That poll is no longer there.</source>
        <translation>Ce sondage n’existe plus.</translation>
    </message>
    <message>
        <source>The poll cannot be saved: {reason}</source>
        <translation>Le sondage ne peut pas être enregistré : {reason}</translation>
    </message>
    <message>
        <source>The new order must list every poll of the session once.</source>
        <translation>Le nouvel ordre doit citer chaque sondage de la session une fois.</translation>
    </message>
    <message>
        <source>Close the open poll first: the phones and the projector show “{question}” while it is open.</source>
        <translation>Fermez d’abord le sondage ouvert&#xa0;: les téléphones et le projecteur affichent «&#xa0;{question}&#xa0;» tant qu’il est ouvert.</translation>
    </message>
    <message>
        <source>This was changed since, on the laptop or by a team device; undo would overwrite that.</source>
        <translation>Ceci a été modifié depuis, sur l’ordinateur ou par un appareil de l’équipe ; annuler écraserait cette modification.</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name</source>
        <translation>{path} existe déjà ; choisissez un autre nom.</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>Le dossier {folder} n’existe pas.</translation>
    </message>
    <message>
        <source>no event file at {path}</source>
        <translation>Aucun fichier d’événement à l’emplacement {path}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not an event file</source>
        <translation>{path} est un dossier, pas un fichier d’événement.</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}); open a copy you saved with File › Save a copy</source>
        <translation>{path} est endommagé ({detail}) ; ouvrez une copie enregistrée avec Fichier › Enregistrer une copie.</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}); open the automatic backup {backup}</source>
        <translation>{path} est endommagé ({detail}) ; ouvrez la sauvegarde automatique {backup}.</translation>
    </message>
    <message>
        <source>{path} is a SQLite database but not a facilitator event</source>
        <translation>{path} est une base SQLite, mais pas un événement facilitator.</translation>
    </message>
    <message>
        <source>{path} is empty: it is not a facilitator event file</source>
        <translation>{path} est vide : ce n’est pas un fichier d’événement facilitator.</translation>
    </message>
    <message>
        <source>{path} is not a facilitator event file (not SQLite)</source>
        <translation>{path} n’est pas un fichier d’événement facilitator (ce n’est pas du SQLite).</translation>
    </message>
    <message>
        <source>{path} was written by a newer facilitator (schema {schema}); update facilitator to open it</source>
        <translation>{path} a été écrit par une version plus récente de facilitator (schéma {schema}) ; mettez facilitator à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <source>{path} uses an older schema; open it in facilitator once to upgrade it</source>
        <translation>{path} utilise un ancien schéma ; ouvrez-le une fois dans facilitator pour le mettre à niveau.</translation>
    </message>
    <message>
        <source>{path} is read-only; open a copy or check the file&apos;s permissions</source>
        <translation>{path} est en lecture seule ; ouvrez une copie ou vérifiez les droits du fichier.</translation>
    </message>
    <message>
        <source>the disk holding {path} is full; free some space (nothing was lost)</source>
        <translation>Le disque qui contient {path} est plein ; libérez de la place (rien n’a été perdu).</translation>
    </message>
    <message>
        <source>{path} is busy in another program; close it there and try again</source>
        <translation>{path} est occupé par un autre programme ; fermez-le là-bas et réessayez.</translation>
    </message>
    <message>
        <source>cannot open {path}: check that the folder exists and is writable</source>
        <translation>Impossible d’ouvrir {path} : vérifiez que le dossier existe et qu’on peut y écrire.</translation>
    </message>
    <message>
        <source>no permission to read {path}</source>
        <translation>Pas le droit de lire {path}.</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>Impossible de lire {path} : {reason}</translation>
    </message>
    <message>
        <source>cannot create {path}: {reason}</source>
        <translation>Impossible de créer {path} : {reason}</translation>
    </message>
    <message>
        <source>choose a different file name for the copy</source>
        <translation>Choisissez un autre nom de fichier pour la copie.</translation>
    </message>
    <message>
        <source>could not save a copy to {target}: {reason}</source>
        <translation>La copie n’a pas pu être enregistrée dans {target} : {reason}</translation>
    </message>
    <message>
        <source>{path} is an event file: an export or report written there would destroy it; choose another file name</source>
        <translation>{path} est un fichier d’événement : une exportation ou un rapport écrit à sa place le détruirait ; choisissez un autre nom de fichier.</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>There is no team role {role}.</source>
        <translation>Il n’y a pas de rôle d’équipe {role}.</translation>
    </message>
    <message>
        <source>That team link is no longer there.</source>
        <translation>Ce lien d’équipe n’existe plus.</translation>
    </message>
    <message>
        <source>approve question</source>
        <translation>approuver la question</translation>
    </message>
    <message>
        <source>not selected</source>
        <translation>non retenue</translation>
    </message>
    <message>
        <source>back to new</source>
        <translation>remettre en attente</translation>
    </message>
    <message>
        <source>edit wording</source>
        <translation>modifier la formulation</translation>
    </message>
    <message>
        <source>star question</source>
        <translation>marquer d’une étoile</translation>
    </message>
    <message>
        <source>tag question</source>
        <translation>étiqueter la question</translation>
    </message>
    <message>
        <source>mark answered</source>
        <translation>marquer comme répondue</translation>
    </message>
    <message>
        <source>question on screen</source>
        <translation>question à l’écran</translation>
    </message>
    <message>
        <source>merge {count} questions</source>
        <translation>fusionner {count} questions</translation>
    </message>
    <message>
        <source>open questions</source>
        <translation>ouvrir les questions</translation>
    </message>
    <message>
        <source>close questions</source>
        <translation>fermer les questions</translation>
    </message>
    <message>
        <source>add speaker</source>
        <translation>ajouter un·e orateur·rice</translation>
    </message>
    <message>
        <source>edit speaker</source>
        <translation>modifier l’orateur·rice</translation>
    </message>
    <message>
        <source>remove speaker</source>
        <translation>retirer l’orateur·rice</translation>
    </message>
    <message>
        <source>reorder speakers</source>
        <translation>réordonner les orateur·rices</translation>
    </message>
    <message>
        <source>clock change</source>
        <translation>chronomètre</translation>
    </message>
    <message>
        <source>next speaker</source>
        <translation>orateur·rice suivant·e</translation>
    </message>
    <message>
        <source>previous speaker</source>
        <translation>orateur·rice précédent·e</translation>
    </message>
    <message>
        <source>add time</source>
        <translation>ajouter du temps</translation>
    </message>
    <message>
        <source>add note</source>
        <translation>ajouter une note</translation>
    </message>
    <message>
        <source>edit note</source>
        <translation>modifier la note</translation>
    </message>
    <message>
        <source>delete note</source>
        <translation>supprimer la note</translation>
    </message>
    <message>
        <source>edit summary</source>
        <translation>modifier la synthèse</translation>
    </message>
    <message>
        <source>add session</source>
        <translation>ajouter une session</translation>
    </message>
    <message>
        <source>edit session</source>
        <translation>modifier la session</translation>
    </message>
    <message>
        <source>remove session</source>
        <translation>supprimer la session</translation>
    </message>
    <message>
        <source>edit event</source>
        <translation>modifier l’événement</translation>
    </message>
    <message>
        <source>stage message</source>
        <translation>message sur scène</translation>
    </message>
    <message>
        <source>import agenda</source>
        <translation>importer un programme</translation>
    </message>
    <message>
        <source>send question</source>
        <translation>envoyer une question</translation>
    </message>
    <message>
        <source>vote</source>
        <translation>voter</translation>
    </message>
    <message>
        <source>create team link</source>
        <translation>créer un lien d’équipe</translation>
    </message>
    <message>
        <source>revoke team link</source>
        <translation>révoquer un lien d’équipe</translation>
    </message>
    <message>
        <source>ask for the floor</source>
        <translation>demander la parole</translation>
    </message>
    <message>
        <source>withdraw floor request</source>
        <translation>retirer la demande de parole</translation>
    </message>
    <message>
        <source>accept floor request</source>
        <translation>accepter la demande de parole</translation>
    </message>
    <message>
        <source>decline floor request</source>
        <translation>refuser la demande de parole</translation>
    </message>
    <message>
        <source>take floor requests</source>
        <translation>accepter les demandes de parole</translation>
    </message>
    <message>
        <source>stop floor requests</source>
        <translation>arrêter les demandes de parole</translation>
    </message>
    <message>
        <source>floor speaking times</source>
        <translation>temps de parole de la salle</translation>
    </message>
    <message>
        <source>add poll</source>
        <translation>ajouter un sondage</translation>
    </message>
    <message>
        <source>edit poll</source>
        <translation>modifier le sondage</translation>
    </message>
    <message>
        <source>remove poll</source>
        <translation>supprimer le sondage</translation>
    </message>
    <message>
        <source>reorder polls</source>
        <translation>réordonner les sondages</translation>
    </message>
    <message>
        <source>open poll</source>
        <translation>ouvrir le sondage</translation>
    </message>
    <message>
        <source>close poll</source>
        <translation>fermer le sondage</translation>
    </message>
    <message>
        <source>show poll results</source>
        <translation>afficher les résultats du sondage</translation>
    </message>
    <message>
        <source>hide poll results</source>
        <translation>masquer les résultats du sondage</translation>
    </message>
    <message>
        <source>answer poll</source>
        <translation>répondre au sondage</translation>
    </message>
    <message>
        <source>Could not: {action}</source>
        <translation>Impossible&#xa0;: {action}</translation>
    </message>
    <message>
        <source>{path} is already open in another facilitator window (process {pid} on {host}); switch to that window, or close it first</source>
        <translation>{path} est déjà ouvert dans une autre fenêtre de facilitator (processus {pid} sur {host}) ; passez à cette fenêtre, ou fermez-la d’abord.</translation>
    </message>
    <message>
        <source>{path} is already open in the phone server started with `facilitator serve` (process {pid} on {host}); stop it (Ctrl-C where it runs), then try again</source>
        <translation>{path} est déjà ouvert par le serveur pour téléphones lancé avec `facilitator serve` (processus {pid} sur {host}) ; arrêtez-le (Ctrl-C là où il tourne), puis réessayez.</translation>
    </message>
    <message>
        <source>{path} is in use by the command `facilitator {command}` (process {pid} on {host}); wait for it to finish, then try again</source>
        <translation>{path} est utilisé par la commande `facilitator {command}` (processus {pid} sur {host}) ; attendez qu’elle se termine, puis réessayez.</translation>
    </message>
    <message>
        <source>{path} is already open in another facilitator program; close it, then try again</source>
        <translation>{path} est déjà ouvert dans un autre programme facilitator ; fermez-le, puis réessayez.</translation>
    </message>
    <message>
        <source>Cannot write {name}: the disk is read-only.</source>
        <translation>Impossible d’écrire {name} : le disque est en lecture seule.</translation>
    </message>
    <message>
        <source>Cannot write {name}: the disk is full; free some space and try again.</source>
        <translation>Impossible d’écrire {name} : le disque est plein ; libérez de la place et réessayez.</translation>
    </message>
    <message>
        <source>Cannot write {name}: you have no permission to write in the folder {folder}.</source>
        <translation>Impossible d’écrire {name} : vous n’avez pas le droit d’écrire dans le dossier {folder}.</translation>
    </message>
    <message>
        <source>Cannot write {name}: the file name is too long; choose a shorter one.</source>
        <translation>Impossible d’écrire {name} : le nom du fichier est trop long ; choisissez-en un plus court.</translation>
    </message>
    <message>
        <source>Cannot write {name}: the folder {folder} is no longer there.</source>
        <translation>Impossible d’écrire {name} : le dossier {folder} n’existe plus.</translation>
    </message>
    <message>
        <source>Cannot write {name}: it is a folder; choose a file name.</source>
        <translation>Impossible d’écrire {name} : c’est un dossier ; choisissez un nom de fichier.</translation>
    </message>
    <message>
        <source>Cannot write {name}: {reason}.</source>
        <translation>Impossible d’écrire {name} : {reason}.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Opening remarks</source>
        <translation>Discours d&apos;ouverture</translation>
    </message>
    <message>
        <source>Keynote</source>
        <translation>Discours liminaire</translation>
    </message>
    <message>
        <source>Panellist</source>
        <translation>Panéliste</translation>
    </message>
    <message>
        <source>Intervention from the floor</source>
        <translation>Intervention de la salle</translation>
    </message>
    <message>
        <source>Closing remarks</source>
        <translation>Discours de clôture</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Right of reply</source>
        <translation>Droit de réponse</translation>
    </message>
    <message>
        <source>Point of order</source>
        <translation>Motion d’ordre</translation>
    </message>
    <message>
        <source>Local and regional governments</source>
        <translation>Gouvernements locaux et régionaux</translation>
    </message>
    <message>
        <source>National governments</source>
        <translation>Gouvernements nationaux</translation>
    </message>
    <message>
        <source>UN and international organisations</source>
        <translation>ONU et organisations internationales</translation>
    </message>
    <message>
        <source>Civil society</source>
        <translation>Société civile</translation>
    </message>
    <message>
        <source>Private sector</source>
        <translation>Secteur privé</translation>
    </message>
    <message>
        <source>Academia</source>
        <translation>Milieu universitaire</translation>
    </message>
    <message>
        <source>woman</source>
        <translation>femme</translation>
    </message>
    <message>
        <source>man</source>
        <translation>homme</translation>
    </message>
    <message>
        <source>non-binary</source>
        <translation>non binaire</translation>
    </message>
    <message>
        <source>prefers not to say</source>
        <translation>préfère ne pas le dire</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Key message</source>
        <translation>Message clé</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Partnership example</source>
        <translation>Exemple de partenariat</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Citation</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvée</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>Non retenue</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondue</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionnée</translation>
    </message>
    <message>
        <source>Guiding questions</source>
        <translation>Questions directrices</translation>
    </message>
    <message>
        <source>SDGs</source>
        <translation>ODD</translation>
    </message>
    <message>
        <source>WUF12 dialogues and themes</source>
        <translation>Dialogues et thèmes du WUF12</translation>
    </message>
    <message>
        <source>No poverty</source>
        <translation>Pas de pauvreté</translation>
    </message>
    <message>
        <source>Zero hunger</source>
        <translation>Faim «&#xa0;zéro&#xa0;»</translation>
    </message>
    <message>
        <source>Good health and well-being</source>
        <translation>Bonne santé et bien-être</translation>
    </message>
    <message>
        <source>Quality education</source>
        <translation>Éducation de qualité</translation>
    </message>
    <message>
        <source>Gender equality</source>
        <translation>Égalité entre les sexes</translation>
    </message>
    <message>
        <source>Clean water and sanitation</source>
        <translation>Eau propre et assainissement</translation>
    </message>
    <message>
        <source>Affordable and clean energy</source>
        <translation>Énergie propre et d&apos;un coût abordable</translation>
    </message>
    <message>
        <source>Decent work and economic growth</source>
        <translation>Travail décent et croissance économique</translation>
    </message>
    <message>
        <source>Industry, innovation and infrastructure</source>
        <translation>Industrie, innovation et infrastructure</translation>
    </message>
    <message>
        <source>Reduced inequalities</source>
        <translation>Inégalités réduites</translation>
    </message>
    <message>
        <source>Sustainable cities and communities</source>
        <translation>Villes et communautés durables</translation>
    </message>
    <message>
        <source>Responsible consumption and production</source>
        <translation>Consommation et production responsables</translation>
    </message>
    <message>
        <source>Climate action</source>
        <translation>Mesures relatives à la lutte contre les changements climatiques</translation>
    </message>
    <message>
        <source>Life below water</source>
        <translation>Vie aquatique</translation>
    </message>
    <message>
        <source>Life on land</source>
        <translation>Vie terrestre</translation>
    </message>
    <message>
        <source>Peace, justice and strong institutions</source>
        <translation>Paix, justice et institutions efficaces</translation>
    </message>
    <message>
        <source>Partnerships for the goals</source>
        <translation>Partenariats pour la réalisation des objectifs</translation>
    </message>
    <message>
        <source>Housing our future</source>
        <translation>Loger notre avenir</translation>
    </message>
    <message>
        <source>Stronger together</source>
        <translation>Plus forts ensemble</translation>
    </message>
    <message>
        <source>Financing localization and localizing finance</source>
        <translation>Financer la localisation et localiser le financement</translation>
    </message>
    <message>
        <source>Putting people first in a digital era</source>
        <translation>Les personnes d&apos;abord à l&apos;ère numérique</translation>
    </message>
    <message>
        <source>The loss of home and urban crises</source>
        <translation>La perte du foyer et les crises urbaines</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>à l&apos;heure</translation>
    </message>
    <message>
        <source>SDG {number}: {name}</source>
        <translation>ODD {number}&#xa0;: {name}</translation>
    </message>
</context>
</TS>
