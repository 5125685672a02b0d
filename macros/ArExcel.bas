Attribute VB_Name = "ArExcel"
' ar_excel buttons: each Sub runs one ar_excel job on this workbook and writes its tabs here.
'
' The work is done in Python by ar_excel.excel.buttons, called through xlwings' RunPython.
' Needs: Python with ar_excel installed (pip install "ar_excel[excel]"), the xlwings add-in
' (run "xlwings addin install" once) and a reference to it (Tools > References > xlwings).
' The Python interpreter is set on the xlwings ribbon tab or in the xlwings.conf sheet.
' Progress shows in the status bar; the outcome in a message box and in the AR Log tab.
Option Explicit

Private Const HANDLERS As String = "import ar_excel.excel.buttons as b; b."

Public Sub ValidateCustomers()
    RunPython HANDLERS & "validate_customers()"
End Sub

Public Sub CheckCredit()
    RunPython HANDLERS & "check_credit()"
End Sub

Public Sub CheckInvoices()
    RunPython HANDLERS & "run('invoices')"
End Sub

Public Sub ReconcileBank()
    Dim bankFile As String
    If Not AskBankFile(bankFile) Then Exit Sub
    RunPython HANDLERS & "reconcile_bank(bank_hex='" & PyText(bankFile) & "')"
End Sub

Public Sub BuildAging()
    RunPython HANDLERS & "build_aging()"
End Sub

Public Sub RunCollections()
    RunPython HANDLERS & "run_collections()"
End Sub

Public Sub ManagementPack()
    RunPython HANDLERS & "management_pack()"
End Sub

Public Sub CustomerStatements()
    RunPython HANDLERS & "run('statements')"
End Sub

Public Sub MonthEndRun()
    Dim bankFile As String
    If Not AskBankFile(bankFile) Then Exit Sub
    RunPython HANDLERS & "month_end_run(bank_hex='" & PyText(bankFile) & "')"
End Sub

' Asks where the bank statement comes from. Returns False when the clerk cancels.
' bankFile = "" means: the Bank Statement sheet, or the file named in the Policy sheet.
Private Function AskBankFile(ByRef bankFile As String) As Boolean
    Dim answer As VbMsgBoxResult
    Dim chosen As Variant
    answer = MsgBox("Choose a bank statement file?" & vbCrLf & vbCrLf & _
        "Yes: pick the file (CSV, Excel, MT940, camt.053 or OFX)." & vbCrLf & _
        "No: use the 'Bank Statement' sheet, or the file named in the Policy sheet " & _
        "(key bank_statement).", vbYesNoCancel + vbQuestion, "ar_excel")
    If answer = vbCancel Then Exit Function
    bankFile = ""
    If answer = vbYes Then
        chosen = Application.GetOpenFilename( _
            "Bank statements (*.csv;*.txt;*.xlsx;*.xls;*.sta;*.940;*.xml;*.ofx;*.qfx)," & _
            "*.csv;*.txt;*.xlsx;*.xls;*.sta;*.940;*.xml;*.ofx;*.qfx,All files (*.*),*.*", _
            1, "Choose the bank statement")
        If VarType(chosen) = vbBoolean Then Exit Function
        bankFile = CStr(chosen)
    End If
    AskBankFile = True
End Function

' Text for the Python command line as hex of its UTF-16LE bytes, so any path (Arabic
' folder names, quotes, backslashes) reaches Python unchanged.
Private Function PyText(ByVal text As String) As String
    Dim i As Long
    Dim code As Long
    Dim out As String
    For i = 1 To Len(text)
        code = AscW(Mid$(text, i, 1)) And &HFFFF&
        out = out & Right$("0" & Hex$(code And &HFF&), 2) & Right$("0" & Hex$(code \ &H100&), 2)
    Next i
    PyText = out
End Function
