# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListView,
    QMenu, QMenuBar, QPushButton,
    QSplitter, QStatusBar, QTabWidget,
    QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        MainWindow.setWindowTitle(u"facilitator")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QHBoxLayout(self.central)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 6)
        self.splitter = QSplitter(self.central)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.agendaPane = QWidget(self.splitter)
        self.agendaPane.setObjectName(u"agendaPane")
        self.agendaLayout = QVBoxLayout(self.agendaPane)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaLayout.setContentsMargins(0, 0, 0, 0)
        self.eventTitle = QLabel(self.agendaPane)
        self.eventTitle.setObjectName(u"eventTitle")
        self.eventTitle.setTextFormat(Qt.TextFormat.PlainText)
        self.eventTitle.setWordWrap(True)

        self.agendaLayout.addWidget(self.eventTitle)

        self.agendaLabel = QLabel(self.agendaPane)
        self.agendaLabel.setObjectName(u"agendaLabel")

        self.agendaLayout.addWidget(self.agendaLabel)

        self.sessionList = QListView(self.agendaPane)
        self.sessionList.setObjectName(u"sessionList")
        self.sessionList.setWordWrap(True)
        self.sessionList.setUniformItemSizes(False)

        self.agendaLayout.addWidget(self.sessionList)

        self.agendaButtons = QHBoxLayout()
        self.agendaButtons.setObjectName(u"agendaButtons")
        self.addSessionButton = QPushButton(self.agendaPane)
        self.addSessionButton.setObjectName(u"addSessionButton")

        self.agendaButtons.addWidget(self.addSessionButton)

        self.removeSessionButton = QPushButton(self.agendaPane)
        self.removeSessionButton.setObjectName(u"removeSessionButton")

        self.agendaButtons.addWidget(self.removeSessionButton)


        self.agendaLayout.addLayout(self.agendaButtons)

        self.splitter.addWidget(self.agendaPane)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName(u"tabs")
        self.splitter.addWidget(self.tabs)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuSession = QMenu(self.menubar)
        self.menuSession.setObjectName(u"menuSession")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.agendaLabel.setBuddy(self.sessionList)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuSession.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        self.agendaLabel.setText(QCoreApplication.translate("MainWindow", u"&Agenda", None))
#if QT_CONFIG(accessibility)
        self.sessionList.setAccessibleName(QCoreApplication.translate("MainWindow", u"Agenda: sessions of the event", None))
#endif // QT_CONFIG(accessibility)
        self.addSessionButton.setText(QCoreApplication.translate("MainWindow", u"Add session", None))
        self.removeSessionButton.setText(QCoreApplication.translate("MainWindow", u"Remove", None))
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(QCoreApplication.translate("MainWindow", u"Session", None))
#endif // QT_CONFIG(accessibility)
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuSession.setTitle(QCoreApplication.translate("MainWindow", u"&Session", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
        pass
    # retranslateUi

