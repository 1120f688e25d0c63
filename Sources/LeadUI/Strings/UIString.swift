/// Every text the console shows, as a key into one table per language: `UIText.english`
/// (Strings+English.swift) and `UIText.russian` (Strings+Russian.swift). `%1`, `%2`, … mark
/// where values go; a test fails when a key is missing from a table or its placeholders differ.
///
/// Counted texts come in three forms (`…One`, `…Few`, `…Many`) for Russian's plural rules;
/// English gives its plural for both of the last two.
public enum UIString: String, Sendable, CaseIterable {
  // Key bar titles, one per `Command`.
  /// Key bar: the title of `Command.send`.
  case titleSend
  /// Key bar: the title of `Command.quit`.
  case titleQuit
  /// Key bar: the title of `Command.nextField`.
  case titleNextField
  /// Key bar: the title of `Command.previousField`.
  case titlePreviousField
  /// Key bar: the title of `Command.cursorLeft`.
  case titleCursorLeft
  /// Key bar: the title of `Command.cursorRight`.
  case titleCursorRight
  /// Key bar: the title of `Command.cursorToStart`.
  case titleCursorToStart
  /// Key bar: the title of `Command.cursorToEnd`.
  case titleCursorToEnd
  /// Key bar: the title of `Command.deleteBackward`.
  case titleDeleteBackward
  /// Key bar: the title of `Command.deleteForward`.
  case titleDeleteForward
  /// Key bar: the title of `Command.wordLeft`.
  case titleWordLeft
  /// Key bar: the title of `Command.wordRight`.
  case titleWordRight
  /// Key bar: the title of `Command.cutToEnd`.
  case titleCutToEnd
  /// Key bar: the title of `Command.cutToStart`.
  case titleCutToStart
  /// Key bar: the title of `Command.cutWordBackward`.
  case titleCutWordBackward
  /// Key bar: the title of `Command.pasteCut`.
  case titlePasteCut
  /// Key bar: the title of `Command.undo`.
  case titleUndo
  /// Key bar: the title of `Command.insertLineBreak`.
  case titleInsertLineBreak
  /// Key bar: the title of `Command.previousLine`.
  case titlePreviousLine
  /// Key bar: the title of `Command.nextLine`.
  case titleNextLine
  /// Key bar: the title of `Command.resetForm`.
  case titleResetForm
  /// Key bar: the title of `Command.toggleSticky`.
  case titleToggleSticky
  /// Key bar: the title of `Command.showHelp`.
  case titleShowHelp
  /// Key bar: the title of `Command.openFieldBrowser`.
  case titleOpenFieldBrowser
  /// Key bar: the title of `Command.togglePreview`.
  case titleTogglePreview
  /// Key bar: the title of `Command.copyCurl`.
  case titleCopyCurl
  /// Key bar: the title of `Command.toggleSwitch`.
  case titleToggleSwitch
  /// Key bar: the title of `Command.openPickList`.
  case titleOpenPickList
  /// Key bar: the title of `Command.pickOption`.
  case titlePickOption
  /// Key bar: the title of `Command.goToField`.
  case titleGoToField
  /// Key bar: the title of `Command.close`.
  case titleClose
  /// Key bar: the title of `Command.selectPrevious`.
  case titleSelectPrevious
  /// Key bar: the title of `Command.selectNext`.
  case titleSelectNext
  /// Key bar: the title of `Command.pageUp`.
  case titlePageUp
  /// Key bar: the title of `Command.pageDown`.
  case titlePageDown
  /// Key bar: the title of `Command.selectFirst`.
  case titleSelectFirst
  /// Key bar: the title of `Command.selectLast`.
  case titleSelectLast
  /// Key bar: the title of `Command.openSettings`.
  case titleOpenSettings
  /// Key bar: the title of `Command.saveSettings`.
  case titleSaveSettings
  /// Key bar: the title of `Command.checkKey`.
  case titleCheckKey
  /// Key bar: the title of `Command.openHistory`.
  case titleOpenHistory
  /// Key bar: the title of `Command.cycleStateFilter`.
  case titleCycleStateFilter
  /// Key bar: the title of `Command.openDetail`.
  case titleOpenDetail
  /// Key bar: the title of `Command.resend`.
  case titleResend
  /// Key bar: the title of `Command.copyToForm`.
  case titleCopyToForm
  /// Key bar: the title of `Command.markDone`.
  case titleMarkDone

  // Help sentences, one per `Command`.
  /// Help: what `Command.send` does.
  case helpSend
  /// Help: what `Command.quit` does.
  case helpQuit
  /// Help: what `Command.nextField` does.
  case helpNextField
  /// Help: what `Command.previousField` does.
  case helpPreviousField
  /// Help: what `Command.cursorLeft` does.
  case helpCursorLeft
  /// Help: what `Command.cursorRight` does.
  case helpCursorRight
  /// Help: what `Command.cursorToStart` does.
  case helpCursorToStart
  /// Help: what `Command.cursorToEnd` does.
  case helpCursorToEnd
  /// Help: what `Command.deleteBackward` does.
  case helpDeleteBackward
  /// Help: what `Command.deleteForward` does.
  case helpDeleteForward
  /// Help: what `Command.wordLeft` does.
  case helpWordLeft
  /// Help: what `Command.wordRight` does.
  case helpWordRight
  /// Help: what `Command.cutToEnd` does.
  case helpCutToEnd
  /// Help: what `Command.cutToStart` does.
  case helpCutToStart
  /// Help: what `Command.cutWordBackward` does.
  case helpCutWordBackward
  /// Help: what `Command.pasteCut` does.
  case helpPasteCut
  /// Help: what `Command.undo` does.
  case helpUndo
  /// Help: what `Command.insertLineBreak` does.
  case helpInsertLineBreak
  /// Help: what `Command.previousLine` does.
  case helpPreviousLine
  /// Help: what `Command.nextLine` does.
  case helpNextLine
  /// Help: what `Command.resetForm` does.
  case helpResetForm
  /// Help: what `Command.toggleSticky` does.
  case helpToggleSticky
  /// Help: what `Command.showHelp` does.
  case helpShowHelp
  /// Help: what `Command.openFieldBrowser` does.
  case helpOpenFieldBrowser
  /// Help: what `Command.togglePreview` does.
  case helpTogglePreview
  /// Help: what `Command.copyCurl` does.
  case helpCopyCurl
  /// Help: what `Command.toggleSwitch` does.
  case helpToggleSwitch
  /// Help: what `Command.openPickList` does.
  case helpOpenPickList
  /// Help: what `Command.pickOption` does.
  case helpPickOption
  /// Help: what `Command.goToField` does.
  case helpGoToField
  /// Help: what `Command.close` does.
  case helpClose
  /// Help: what `Command.selectPrevious` does.
  case helpSelectPrevious
  /// Help: what `Command.selectNext` does.
  case helpSelectNext
  /// Help: what `Command.pageUp` does.
  case helpPageUp
  /// Help: what `Command.pageDown` does.
  case helpPageDown
  /// Help: what `Command.selectFirst` does.
  case helpSelectFirst
  /// Help: what `Command.selectLast` does.
  case helpSelectLast
  /// Help: what `Command.openSettings` does.
  case helpOpenSettings
  /// Help: what `Command.saveSettings` does.
  case helpSaveSettings
  /// Help: what `Command.checkKey` does.
  case helpCheckKey
  /// Help: what `Command.openHistory` does.
  case helpOpenHistory
  /// Help: what `Command.cycleStateFilter` does.
  case helpCycleStateFilter
  /// Help: what `Command.openDetail` does.
  case helpOpenDetail
  /// Help: what `Command.resend` does.
  case helpResend
  /// Help: what `Command.copyToForm` does.
  case helpCopyToForm
  /// Help: what `Command.markDone` does.
  case helpMarkDone

  // Help screen.
  /// Help: heading of the form's keys.
  case helpSectionForm
  /// Help: heading of the comment's keys.
  case helpSectionComment
  /// Help: heading of a yes/no field's keys.
  case helpSectionSwitch
  /// Help: heading of a select field's keys.
  case helpSectionSelect
  /// Help: heading of an open pick list's keys.
  case helpSectionPickList
  /// Help: heading of the keys while the preview is shown.
  case helpSectionPreview
  /// Help: heading of the field-code browser's keys.
  case helpSectionFieldBrowser
  /// Help: heading of the history's keys.
  case helpSectionHistory
  /// Help: heading of a lead's detail view keys.
  case helpSectionDetail
  /// Help: heading of the settings screen's keys.
  case helpSectionSettings
  /// Help: heading of the help's own keys.
  case helpSectionHelp
  /// Help: how to read key names.
  case helpLegendKeys
  /// Help: what unlisted keys do.
  case helpLegendTyping
  /// Help: title row; %1 the position.
  case helpTitle
  /// Help: position in the title; %1–%2 lines shown of %3.
  case helpPosition
  /// Status: the help opened.
  case helpOpened
  /// Status: the help closed.
  case helpClosed

  // Header and form.
  /// Header: the product's name.
  case productName
  /// Header: the masked key %1.
  case headerKey
  /// Header: no key is set.
  case headerNoKey
  /// Form: the first name's label.
  case labelFirstName
  /// Form: the last name's label.
  case labelLastName
  /// Form: the phone's label.
  case labelPhone
  /// Form: the e-mail's label.
  case labelEmail
  /// Form: the comment's label.
  case labelComment
  /// Form: heading over the schema's contact fields.
  case headingContact
  /// Form: heading over the schema's deal fields.
  case headingDeal
  /// Form: last row of a long schema notice; %1 rows left out.
  case formNoticeMore
  /// Form: note under a number field.
  case typeHelpNumber
  /// Form: note under a date field; %1 the format sent.
  case typeHelpDate
  /// Form: note under a yes/no field.
  case typeHelpBoolean
  /// Form: note under a select field; %1 options.
  case typeHelpSelect
  /// Status: a fresh console.
  case statusReady
  /// Status: sending without a key.
  case statusNoKey
  /// Status: lead %1 queued.
  case queued
  /// Status: %1 queued, unsaved lead %2 back in the form.
  case queuedUnsavedBack
  /// Status: a send refused by the checks.
  case verdictNotSent
  /// Status: a copy refused by the checks.
  case verdictNotCopied
  /// Status: fields %1 have problems.
  case problemsSeveral
  /// Status: typing into yes/no field %1.
  case switchHint
  /// Status: a paste cut at %1 characters.
  case pasteCut
  /// Status: undo in field %1 with nothing to undo.
  case nothingToUndo
  /// Status: paste with nothing cut.
  case nothingCut
  /// Status: the form cleared for the next call.
  case readyNextCall
  /// Status: the form cleared, pinned fields %1 kept.
  case readyNextCallPinned
  /// Status: the new-call key over a typed lead.
  case resetQuestion
  /// Status: field %1 unpinned.
  case unpinned
  /// Status: field %1 pinned, marked %2.
  case pinned

  // Quitting.
  /// Status: the quit key over a typed lead.
  case quitUnsent
  /// Status: the quit question; %1 what is left behind.
  case quitAgain
  /// Quit question: %1 waiting lead (one).
  case quitWaitingOne
  /// Quit question: %1 waiting leads (few).
  case quitWaitingFew
  /// Quit question: %1 waiting leads (many).
  case quitWaitingMany
  /// Quit question: %1 uncertain lead (one).
  case quitUncertainOne
  /// Quit question: %1 uncertain leads (few).
  case quitUncertainFew
  /// Quit question: %1 uncertain leads (many).
  case quitUncertainMany
  /// Quit question: %1 lead out of attempts (one).
  case quitExhaustedOne
  /// Quit question: %1 leads out of attempts (few).
  case quitExhaustedFew
  /// Quit question: %1 leads out of attempts (many).
  case quitExhaustedMany
  /// Quit question: the typed lead is lost.
  case quitFormLost
  /// Small window: keys %1 quit.
  case quitHint

  // Leads and outcomes.
  /// A lead with neither name nor contact.
  case theLead
  /// A lead named by its id %1.
  case leadWithID
  /// A count of %1 lead (one).
  case leadCountOne
  /// A count of %1 leads (few).
  case leadCountFew
  /// A count of %1 leads (many).
  case leadCountMany
  /// State word: queued.
  case stateQueued
  /// State word: being sent.
  case stateSending
  /// State word: accepted by the CRM.
  case stateAccepted
  /// State word: rejected by the CRM.
  case stateRejected
  /// State word: certainly not delivered.
  case stateNotDelivered
  /// State word: the CRM may or may not have it.
  case stateUncertain
  /// State word: closed by hand.
  case stateDone
  /// Outcome: a not-delivered lead stays queued.
  case outcomeStaysQueued
  /// Outcome: an uncertain lead needs checking.
  case outcomeCheckCRM
  /// CRM error 100.
  case crmError100
  /// CRM error 101.
  case crmError101
  /// CRM error 102.
  case crmError102
  /// Any other CRM error code %1.
  case crmErrorOther
  /// Status: lead %1 sent by GET.
  case sendingByGet
  /// Status: lead %2 not saved (%1), back in the form.
  case unsavedBack
  /// Status: lead %2 not saved (%1), back after this lead.
  case unsavedLater
  /// Status: the history log cannot be read (%1).
  case historyUnreadable
  /// Status: %1 damaged line (one) at %2.
  case historyDamagedOne
  /// Status: %1 damaged lines (few) at %2.
  case historyDamagedFew
  /// Status: %1 damaged lines (many) at %2.
  case historyDamagedMany

  // Duplicates, drafts and key refusals.
  /// Duplicate warning: start, the phone is shared.
  case duplicatePhone
  /// Duplicate warning: start, the e-mail is shared.
  case duplicateEmail
  /// Duplicate warning: the choice at its end.
  case duplicateChoice
  /// Status: a duplicate not sent.
  case duplicateDropped
  /// Status: a draft from %1 not restored.
  case draftNotRestored
  /// Status: a draft from %1 restored.
  case draftRestored
  /// Status: draft fields %1 the form lacks.
  case draftLeftOut
  /// Twelve month abbreviations, January first, separated by spaces.
  case monthAbbreviations
  /// Status: %1 refused for the key; %2 what was saved.
  case keyResendQuestion
  /// Status: %1 refused for the key left alone.
  case keyResendLeft
  /// Status: resending %1 with the new key.
  case keyResending

  // Field browser, pick list and preview.
  /// Status: the field browser opened.
  case browserOpened
  /// Status: no field matches filter %1.
  case browserNoMatch
  /// Field browser: %1 of %2 fields match.
  case browserCount
  /// Field browser: the filter's label.
  case browserPrompt
  /// Field browser: column title.
  case browserCode
  /// Field browser: column title.
  case browserGroup
  /// Field browser: column title.
  case browserType
  /// Field browser: column title.
  case browserLabel
  /// Field browser: nothing contains %1.
  case browserEmpty
  /// Field browser: the group of the five base fields.
  case browserBaseGroup
  /// Field browser: the type %1.
  case factType
  /// Field browser: the group %1.
  case factGroup
  /// Field browser: a required field.
  case factRequired
  /// Field browser: a date sent in format %1.
  case factSentAs
  /// Field browser: default value %1.
  case factDefault
  /// Field browser: the hint %1.
  case factHint
  /// Field browser: no hint.
  case factNoHint
  /// Field browser: options %1.
  case factOptions
  /// Status: no option matches filter %1.
  case pickNoMatch
  /// Pick list: nothing matches.
  case pickListEmpty
  /// Preview pane: its title.
  case previewTitle
  /// Preview pane: lines %1–%2 shown of %3.
  case previewPosition
  /// Status: the preview shown.
  case previewShown
  /// Status: the preview hidden.
  case previewHidden
  /// Preview pane: no key.
  case previewNoKey
  /// Preview pane: no request builder.
  case previewUnavailable
  /// Preview pane: problems follow.
  case previewFix
  /// Status: not copied because %1.
  case notCopied
  /// Status: no curl builder.
  case notCopiedUnavailable
  /// Status: the copy is under way.
  case copying
  /// Status: the copy failed (%1).
  case copyFailed

  // History.
  /// Status: the history pane opened.
  case historyOpened
  /// Status: the state filter is now %1.
  case historyFiltered
  /// Status: back from a lead's details.
  case historyTitle
  /// Status: back from the history.
  case backInForm
  /// Status: Enter with nothing matching.
  case historyNoMatch
  /// Status: lead %1's details opened.
  case detailOpened
  /// Status: not resent because %1.
  case notResent
  /// Status: lead %1 is done.
  case resendDone
  /// Status: lead %1 is in flight.
  case resendInFlight
  /// Status: a resend of lead %1 refused, the CRM has accepted it.
  case refusedAccepted
  /// Status: a resend of lead %1 refused, it was marked done.
  case refusedDone
  /// Status: a resend of lead %1 refused, it may be in the CRM.
  case refusedUncertain
  /// Status: a resend of lead %1 refused, rejected with codes %2.
  case refusedRejected
  /// Status: lead %1 resent.
  case resending
  /// Status: the to-form key over a lead being typed.
  case copyQuestion
  /// Status: lead %1 copied into the form.
  case copiedToForm
  /// Status: lead %1 already done.
  case alreadyDone
  /// Status: lead %1 being marked done.
  case markingDone
  /// History filter: every lead.
  case filterAll
  /// History filter: leads still to be sent.
  case filterWaiting
  /// History filter: uncertain leads.
  case filterUncertain
  /// History filter: rejected leads.
  case filterRejected
  /// History filter: accepted leads.
  case filterAccepted
  /// History filter: leads closed by hand.
  case filterDone
  /// History pane: its title.
  case historyPaneTitle
  /// History pane: %1 damaged line (one).
  case historyPaneDamagedOne
  /// History pane: %1 damaged lines (few).
  case historyPaneDamagedFew
  /// History pane: %1 damaged lines (many).
  case historyPaneDamagedMany
  /// History: an empty log.
  case noLeadsYet
  /// History: nothing matches the filter.
  case noLeadMatches
  /// History: state filter %1, %2 of %3 leads shown.
  case historySummary
  /// History: the filter's label.
  case historyFilterLabel
  /// History: lead %1 whose records cannot be read.
  case unreadableLead
  /// History: today's counts, accepted %1, waiting %2, uncertain %3, rejected %4.
  case todayCounts
  /// Lead details: state %1.
  case detailState
  /// Lead details: queued at %1.
  case detailQueued
  /// Lead details: by operator %1.
  case detailBy
  /// Lead details: done at %1.
  case detailDone
  /// Detail view: when the lead's personal data was removed under `retention_days` (%1).
  case detailPurged
  /// Lead details: the e-mail's label.
  case detailEmail
  /// Lead details: no attempts.
  case detailNoAttempts
  /// Lead details: the attempts follow.
  case detailAttempts
  /// Lead details: CRM error %1 meaning %2.
  case detailCRMError
  /// Lead details: an attempt started at %1.
  case attemptStarted
  /// Lead details: an attempt ended at %1.
  case attemptEnded
  /// Lead details: an attempt without an outcome.
  case attemptNoAnswer

  // Settings.
  /// Status: the settings opened.
  case settingsOpened
  /// Status: settings closed while saving.
  case settingsClosedSaving
  /// Status: settings closed unsaved.
  case settingsClosed
  /// Settings: applying in sandbox mode.
  case applyingSession
  /// Settings: a save under way.
  case savingNote
  /// Status: a save under way.
  case savingStatus
  /// Settings: not saved because %1.
  case notSaved
  /// Status: a second key check.
  case checkRunning
  /// Settings: checking key %1.
  case checkingNote
  /// Status: checking key %1.
  case checkingStatus
  /// Settings: not checked because %1.
  case notChecked
  /// Settings: no key typed.
  case missingKey
  /// Settings: no endpoint typed.
  case missingEndpoint
  /// Status: saved to %1, key %2 in use.
  case savedTo
  /// Status: key %1 applied in sandbox mode.
  case savedSandbox
  /// Settings: key %1's verdict %2.
  case keyVerdict
  /// Key verdict: valid.
  case keyValid
  /// Key verdict: empty.
  case keyEmpty
  /// Key verdict: wrong.
  case keyWrong
  /// Key verdict: the CRM not reached (%1).
  case keyNotReached
  /// Key verdict: an unclear answer (%1).
  case keyUnclear
  /// Key verdict: other codes %1.
  case keyOtherCodes
  /// Key verdict: a success for no lead.
  case keySuccess
  /// Settings: the screen's title.
  case settingsTitle
  /// Settings: the key's label.
  case settingsKeyLabel
  /// Settings: the endpoint's label.
  case settingsEndpointLabel
  /// Settings: note under the endpoint.
  case settingsEndpointNote
  /// Settings: where to find the key.
  case settingsKeyWhere
  /// Settings: the key holds %1 characters.
  case settingsKeyLength
  /// Settings: what saving does in sandbox mode (two lines).
  case settingsAboutSandbox
  /// Settings: what saving does (two lines).
  case settingsAboutSaving
  /// Settings: --key still overrides the file.
  case keyOverrideFlag
  /// Settings: variable %1 still overrides the file.
  case keyOverrideVariable
  /// Settings: endpoint %1 is no usable URL.
  case endpointNotURL
  /// Settings: the endpoint holds the key.
  case endpointHoldsKey
  /// Settings: the endpoint holds credentials.
  case endpointHoldsCredentials

  // Small window.
  /// Small window: first line, longest.
  case smallTitleLong
  /// Small window: first line, shorter.
  case smallTitleShort
  /// Small window: first line, shortest.
  case smallTitleShortest
  /// Small window: size %1, needed %2.
  case smallSizeLong
  /// Small window: size %1, needed %2, short.
  case smallSizeShort
  /// Small window: what to do.
  case smallAdviceLong
  /// Small window: what to do, short.
  case smallAdviceShort

  // Console runner.
  /// Queue failure: no key.
  case noKeyToSend
  /// Status: resend without a key.
  case notResentNoKey
  /// Status: resend of a lead no longer held.
  case notResentGone
  /// Status: resend of a lead queued for the CRM at %1 refused by the sandbox.
  case notResentToSandbox
  /// Status: resend of a lead in flight.
  case notResentInFlight
  /// Status: mark done without a history.
  case notMarkedNoHistory
  /// Status: mark done failed (%1).
  case notMarkedDone
  /// Status: an attempt missing from the log (%1).
  case attemptNotLogged
  /// Status: compaction failed (%1).
  case logNotCompacted
  /// Status: locale %1 is not UTF-8, %2 used for characters.
  case localeNotUTF8
  /// Status: locale %1 is not installed, %2 used for characters.
  case localeMissing
  /// In the locale notices: no locale variable is set.
  case localeUnset
  /// Status: the kept draft cannot be read (%1).
  case draftUnreadable
  /// Status: drafts cannot be written (%1).
  case draftNotKept
  /// Status: curl command saved to %1 (%2).
  case curlSaved
  /// Status: the copy also went to the clipboard.
  case clipboardOffered
  /// Status: the copy is too long for the clipboard.
  case clipboardTooLong
  /// Status: a failed copy still reached the clipboard.
  case clipboardAfterFailure
  /// A file could not be written: path %1, the system's reason %2.
  case cannotWriteFile

  // Check messages of the client core, matched by their English wording.
  /// Check: neither phone nor e-mail.
  case checkNeedsContact
  /// Check: character %1 in a phone.
  case checkPhoneCharacter
  /// Check: %1 digits in a phone, %2 to %3 wanted.
  case checkPhoneDigits
  /// Check: character %1 in an e-mail.
  case checkEmailCharacter
  /// Check: not one @ in an e-mail.
  case checkEmailAt
  /// Check: nothing before the @.
  case checkEmailLocal
  /// Check: misplaced dots before the @.
  case checkEmailDots
  /// Check: no domain after the @.
  case checkEmailDomain
  /// Check: U+FFFD in a text.
  case checkReplacement
  /// Check: %1 characters, %2 bytes; at most %3 and %4.
  case checkTooLong
  /// Check: a required field left empty.
  case checkRequired
  /// Check: not a number, because %1.
  case checkNumber
  /// Check: not a date, because %1.
  case checkDate
  /// Check: not yes or no.
  case checkBoolean
  /// Check: not one of the options %1.
  case checkOption
  /// Check detail: a space.
  case checkSpace
  /// Check detail: invisible character U+%1.
  case checkInvisible
  /// Check detail: a lone sign.
  case checkNumberSign
  /// Check detail: a misplaced space.
  case checkNumberSpace
  /// Check detail: %1 has two separators.
  case checkNumberSeparators
  /// Check detail: no digit before the separator.
  case checkNumberLeadingSeparator
  /// Check detail: character %1 in a number.
  case checkNumberCharacter
  /// Check detail: digit groups not of three.
  case checkNumberGroups
  /// Check detail: no digit after the separator.
  case checkNumberTrailingSeparator
  /// Check detail: how to write a date.
  case checkDateUsage
  /// Check detail: year 0.
  case checkDateYear
  /// Check detail: month %1 does not exist.
  case checkDateMonth
  /// Check detail: month %1 of year %2 has no day %3.
  case checkDateDay
  /// Check detail: the twelve month names, January first, as `checkDateDay` takes them.
  case checkDateMonthNames
}
