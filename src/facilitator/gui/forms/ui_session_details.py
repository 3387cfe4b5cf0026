# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_details.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateTimeEdit,
    QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QTimeEdit, QVBoxLayout)

class Ui_SessionDetails(object):
    def setupUi(self, SessionDetails):
        if not SessionDetails.objectName():
            SessionDetails.setObjectName(u"SessionDetails")
        self.mainLayout = QVBoxLayout(SessionDetails)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.titleLabel = QLabel(SessionDetails)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(SessionDetails)
        self.titleEdit.setObjectName(u"titleEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.descriptionLabel = QLabel(SessionDetails)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(SessionDetails)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)
        self.descriptionEdit.setMaximumSize(QSize(16777215, 110))

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.questionsLabel = QLabel(SessionDetails)
        self.questionsLabel.setObjectName(u"questionsLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.questionsLabel)

        self.guidingQuestionsEdit = QPlainTextEdit(SessionDetails)
        self.guidingQuestionsEdit.setObjectName(u"guidingQuestionsEdit")
        self.guidingQuestionsEdit.setTabChangesFocus(True)
        self.guidingQuestionsEdit.setMaximumSize(QSize(16777215, 110))

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.guidingQuestionsEdit)

        self.themesLabel = QLabel(SessionDetails)
        self.themesLabel.setObjectName(u"themesLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.themesLabel)

        self.themesEdit = QLineEdit(SessionDetails)
        self.themesEdit.setObjectName(u"themesEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.themesEdit)

        self.roomLabel = QLabel(SessionDetails)
        self.roomLabel.setObjectName(u"roomLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roomLabel)

        self.roomEdit = QLineEdit(SessionDetails)
        self.roomEdit.setObjectName(u"roomEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roomEdit)

        self.timesLabel = QLabel(SessionDetails)
        self.timesLabel.setObjectName(u"timesLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.timesLabel)

        self.timesLayout = QHBoxLayout()
        self.timesLayout.setObjectName(u"timesLayout")
        self.startsEdit = QDateTimeEdit(SessionDetails)
        self.startsEdit.setObjectName(u"startsEdit")
        self.startsEdit.setDisplayFormat(u"yyyy-MM-dd HH:mm")
        self.startsEdit.setCalendarPopup(True)

        self.timesLayout.addWidget(self.startsEdit)

        self.endsEdit = QTimeEdit(SessionDetails)
        self.endsEdit.setObjectName(u"endsEdit")
        self.endsEdit.setDisplayFormat(u"HH:mm")

        self.timesLayout.addWidget(self.endsEdit)

        self.timeZoneLabel = QLabel(SessionDetails)
        self.timeZoneLabel.setObjectName(u"timeZoneLabel")

        self.timesLayout.addWidget(self.timeZoneLabel)

        self.timeZoneCombo = QComboBox(SessionDetails)
        self.timeZoneCombo.setObjectName(u"timeZoneCombo")
        self.timeZoneCombo.setEditable(True)
        self.timeZoneCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timeZoneCombo.setMinimumContentsLength(22)
        self.timeZoneCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.timesLayout.addWidget(self.timeZoneCombo)

        self.timesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timesLayout.addItem(self.timesSpacer)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.timesLayout)

        self.moderatorLabel = QLabel(SessionDetails)
        self.moderatorLabel.setObjectName(u"moderatorLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.moderatorLabel)

        self.moderatorEdit = QLineEdit(SessionDetails)
        self.moderatorEdit.setObjectName(u"moderatorEdit")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.moderatorEdit)

        self.rapporteurLabel = QLabel(SessionDetails)
        self.rapporteurLabel.setObjectName(u"rapporteurLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.rapporteurLabel)

        self.rapporteurEdit = QLineEdit(SessionDetails)
        self.rapporteurEdit.setObjectName(u"rapporteurEdit")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.rapporteurEdit)


        self.mainLayout.addLayout(self.form)

        self.slotsLabel = QLabel(SessionDetails)
        self.slotsLabel.setObjectName(u"slotsLabel")

        self.mainLayout.addWidget(self.slotsLabel)

        self.slotTable = QTableView(SessionDetails)
        self.slotTable.setObjectName(u"slotTable")
        self.slotTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.slotTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.slotTable.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.slotTable)

        self.slotButtons = QHBoxLayout()
        self.slotButtons.setObjectName(u"slotButtons")
        self.addSlotButton = QPushButton(SessionDetails)
        self.addSlotButton.setObjectName(u"addSlotButton")

        self.slotButtons.addWidget(self.addSlotButton)

        self.removeSlotButton = QPushButton(SessionDetails)
        self.removeSlotButton.setObjectName(u"removeSlotButton")

        self.slotButtons.addWidget(self.removeSlotButton)

        self.slotSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.slotButtons.addItem(self.slotSpacer)

        self.plannedTotal = QLabel(SessionDetails)
        self.plannedTotal.setObjectName(u"plannedTotal")
        self.plannedTotal.setTextFormat(Qt.TextFormat.PlainText)

        self.slotButtons.addWidget(self.plannedTotal)


        self.mainLayout.addLayout(self.slotButtons)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.questionsLabel.setBuddy(self.guidingQuestionsEdit)
        self.themesLabel.setBuddy(self.themesEdit)
        self.roomLabel.setBuddy(self.roomEdit)
        self.timesLabel.setBuddy(self.startsEdit)
        self.timeZoneLabel.setBuddy(self.timeZoneCombo)
        self.moderatorLabel.setBuddy(self.moderatorEdit)
        self.rapporteurLabel.setBuddy(self.rapporteurEdit)
        self.slotsLabel.setBuddy(self.slotTable)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SessionDetails)

        QMetaObject.connectSlotsByName(SessionDetails)
    # setupUi

    def retranslateUi(self, SessionDetails):
        self.titleLabel.setText(QCoreApplication.translate("SessionDetails", u"Tit&le", None))
        self.descriptionLabel.setText(QCoreApplication.translate("SessionDetails", u"Des&cription", None))
        self.questionsLabel.setText(QCoreApplication.translate("SessionDetails", u"&Guiding questions\n"
"(one per line)", None))
        self.themesLabel.setText(QCoreApplication.translate("SessionDetails", u"Themes (&WUF12 dialogues)", None))
        self.themesEdit.setPlaceholderText(QCoreApplication.translate("SessionDetails", u"Separated by semicolons", None))
        self.roomLabel.setText(QCoreApplication.translate("SessionDetails", u"R&oom", None))
        self.timesLabel.setText(QCoreApplication.translate("SessionDetails", u"S&tarts / ends", None))
#if QT_CONFIG(accessibility)
        self.startsEdit.setAccessibleName(QCoreApplication.translate("SessionDetails", u"Starts at", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.endsEdit.setAccessibleName(QCoreApplication.translate("SessionDetails", u"Ends at", None))
#endif // QT_CONFIG(accessibility)
        self.timeZoneLabel.setText(QCoreApplication.translate("SessionDetails", u"Time &zone of the event", None))
#if QT_CONFIG(tooltip)
        self.timeZoneCombo.setToolTip(QCoreApplication.translate("SessionDetails", u"Every time is shown and printed in this zone, whatever the laptop's zone (an IANA name such as Europe/Paris)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.timeZoneCombo.setAccessibleName(QCoreApplication.translate("SessionDetails", u"Time zone of the event", None))
#endif // QT_CONFIG(accessibility)
        self.moderatorLabel.setText(QCoreApplication.translate("SessionDetails", u"&Moderator", None))
        self.rapporteurLabel.setText(QCoreApplication.translate("SessionDetails", u"Ra&pporteur", None))
        self.slotsLabel.setText(QCoreApplication.translate("SessionDetails", u"Spea&king slots", None))
#if QT_CONFIG(accessibility)
        self.slotTable.setAccessibleName(QCoreApplication.translate("SessionDetails", u"Speaking slots", None))
#endif // QT_CONFIG(accessibility)
        self.addSlotButton.setText(QCoreApplication.translate("SessionDetails", u"Add speaker", None))
        self.removeSlotButton.setText(QCoreApplication.translate("SessionDetails", u"Remove speaker", None))
        pass
    # retranslateUi

