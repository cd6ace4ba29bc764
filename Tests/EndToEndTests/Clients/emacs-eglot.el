;;; emacs-eglot.el --- Emacs + eglot + preflight.el as a real client of `preflight serve'  -*- lexical-binding: t; -*-

;; Batch Emacs drives the Emacs integration (editor-integration/emacs/preflight.el) against
;; the server exactly as a user's Emacs would: visiting a *.prompt file picks
;; `preflight-prompt-mode', whose `eglot-ensure' starts the server; then hover (raw and
;; through eldoc), the mode-line summary (the code lens), `preflight-estimate' (buffer and
;; region), `preflight-check', a context-window diagnostic through flymake after a real
;; edit, the missing-program message, and `eglot-shutdown'.  Every check writes one line to
;; $PREFLIGHT_EMACS_RESULT; a failed check writes "FAIL <what>" and the exit code is 1.
;; EmacsClientTests.swift runs it and asserts on the lines.
;;
;; Run it by hand from the repository root:
;;
;;   PREFLIGHT_BIN=$PWD/.build/debug/preflight PREFLIGHT_MODELS=$PWD/models PREFLIGHT_EMACS_RESULT=/tmp/emacs-result.txt emacs --batch -Q -l Tests/EndToEndTests/Clients/emacs-eglot.el; echo "exit $?"; cat /tmp/emacs-result.txt
;;
;; With PREFLIGHT_EMACS_PROBE=1 it only loads eglot and exits 0 (loadable) or 77 (not), so
;; the Swift suite can skip with a reason instead of failing on a machine without eglot.

;;; Code:

(require 'cl-lib)
(require 'subr-x)

(defvar preflight-test--lines nil "Result lines, newest first.")
(defvar preflight-test--failed nil "Non-nil once a check failed.")
(defconst preflight-test--out (getenv "PREFLIGHT_EMACS_RESULT"))

(defun preflight-test--say (format-string &rest arguments)
  "Record a result line (and echo it on stderr, for running by hand)."
  (let ((line (apply #'format format-string arguments)))
    (push line preflight-test--lines)
    (message "%s" line)))

(defun preflight-test--fail (format-string &rest arguments)
  "Record a failed check."
  (setq preflight-test--failed t)
  (apply #'preflight-test--say (concat "FAIL " format-string) arguments))

(defun preflight-test--finish (code)
  "Write the result lines and leave Emacs with CODE."
  (when preflight-test--out
    (with-temp-file preflight-test--out
      (insert (string-join (reverse preflight-test--lines) "\n") "\n")))
  (kill-emacs code))

(defun preflight-test--wait (predicate seconds)
  "Let process output and timers run until PREDICATE is non-nil or SECONDS pass.
Returns PREDICATE's last value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

;; Batch Emacs loads no site-lisp (-Q), so a Debian elpa-eglot (in
;; /usr/share/emacs/site-lisp/elpa/) is invisible until package.el is told about that
;; directory.  Emacs 29+ has eglot built in and needs none of this.
(defun preflight-test--load-eglot ()
  "Load eglot, from the Debian elpa directories when needed.
Return non-nil on success."
  (or (require 'eglot nil t)
      (progn
        (require 'package)
        (setq package-directory-list
              (cl-remove-if-not #'file-directory-p
                                '("/usr/share/emacs/site-lisp/elpa"
                                  "/usr/local/share/emacs/site-lisp/elpa")))
        (package-initialize)
        (require 'eglot nil t))))

(defun preflight-test--eglot-version ()
  "Eglot's version when package.el activated it, else \"built in\"."
  (or (ignore-errors
        (package-version-join (package-desc-version (cadr (assq 'eglot package-alist)))))
      "built in"))

(unless (preflight-test--load-eglot)
  (preflight-test--say "skip: eglot cannot be loaded (Emacs %s; Debian 12: %s)"
                       emacs-version "apt-get install elpa-eglot")
  (preflight-test--finish 77))
(when (getenv "PREFLIGHT_EMACS_PROBE")
  (preflight-test--say "probe: Emacs %s, eglot %s" emacs-version (preflight-test--eglot-version))
  (preflight-test--finish 0))

(defconst preflight-test--root
  (expand-file-name "../../.." (file-name-directory (or load-file-name buffer-file-name)))
  "The repository root, three levels above this file.")

(defconst preflight-test--short-prompt
  "Explain quicksort in two sentences.\n\nKeep it simple for a beginner.\n")

;; Over 80 tokens: more than any context window of the fixture catalog holds.
(defconst preflight-test--long-paragraph
  "\nThen explain mergesort, heapsort and radix sort one after another, compare their time \
and space complexity in the best, average and worst case, list the situations in which each \
of them is stable, and say which one you would pick for sorting ten million 64-bit integers \
on a machine with very little free memory, and why, with a short worked example for each.\n")

(defun preflight-test--run ()
  "Every check, in order.
A failure is recorded and the run goes on where it can."
  (let* ((bin (or (getenv "PREFLIGHT_BIN") (error "PREFLIGHT_BIN is not set")))
         (catalog (expand-file-name
                   "Tests/EndToEndTests/Clients/fixtures/tiny-context-catalog-emacs.json"
                   preflight-test--root))
         (directory (make-temp-file "preflight-emacs-" t))
         (file (expand-file-name "check.prompt" directory))
         (warnings-before (with-current-buffer (get-buffer-create "*Warnings*") (buffer-string)))
         server)
    (load (expand-file-name "editor-integration/emacs/preflight.el" preflight-test--root) nil t)
    (preflight-test--say "emacs %s eglot %s" emacs-version (preflight-test--eglot-version))

    ;; The missing-program path says how to get the program.
    (let ((preflight-executable (expand-file-name "no-such-preflight" directory)))
      (condition-case failure
          (progn (preflight--eglot-contact nil)
                 (preflight-test--fail "missing-executable: no error"))
        (user-error
         (if (string-match-p "make install PREFIX=~/.local" (error-message-string failure))
             (preflight-test--say "missing-executable message ok")
           (preflight-test--fail "missing-executable: %s" (error-message-string failure))))))

    ;; The version rule behind the "older than 0.2.0" warning.
    (let ((cases '(("0.1.0" . t) ("0.1.9" . t) (nil . t) ("dev" . t) ("0.2.0" . nil)
                   ("0.2.0-dev" . nil) ("0.10.0" . nil) ("1.0" . nil)))
          wrong)
      (dolist (case cases)
        (unless (eq (and (preflight--version-older-p (car case) "0.2.0") t) (cdr case))
          (push (car case) wrong)))
      (if wrong
          (preflight-test--fail "version-compare wrong for %S" wrong)
        (preflight-test--say "version-compare ok")))

    (setq preflight-executable bin
          preflight-catalog-path catalog
          preflight-default-model "tiny-standard"
          preflight-budget '(:balance 5)
          preflight-debounce-ms 50
          preflight-summary-delay 0.2
          eglot-sync-connect t
          eglot-connect-timeout 20)
    (with-temp-file file (insert preflight-test--short-prompt))

    ;; Visiting the file as a user would: auto-mode-alist picks the mode, the mode calls
    ;; `eglot-ensure', which connects when the visiting command ends (post-command-hook).
    (find-file file)
    (preflight-test--say "mode %s" major-mode)
    (unless (eq major-mode 'preflight-prompt-mode)
      (preflight-test--fail "mode: %s is not preflight-prompt-mode" major-mode))
    (run-hooks 'post-command-hook)
    (setq server (preflight-test--wait (lambda () (and (eglot-managed-p) (eglot-current-server)))
                                       20))
    (unless server
      (preflight-test--fail "connect: eglot is not managing the buffer")
      (throw 'preflight-test--abort nil))
    (preflight-test--say "connected class %s version %s" (eieio-object-class-name server)
                         (preflight-server-version server))
    (let ((warnings (with-current-buffer (get-buffer-create "*Warnings*") (buffer-string))))
      (if (string-match-p "older than" (string-remove-prefix warnings-before warnings))
          (preflight-test--say "version-warning %s"
                               (car (last (split-string (string-trim warnings) "\n"))))
        (preflight-test--say "version-warning none")))

    ;; Hover, raw and as eldoc shows it (eldoc's callback gets eglot's rendering).
    (goto-char (point-min))
    (search-forward "quicksort")
    (condition-case failure
        (let* ((hover (jsonrpc-request server :textDocument/hover
                                       (eglot--TextDocumentPositionParams)))
               (value (plist-get (plist-get hover :contents) :value)))
          (if (and (stringp value) (string-match-p "Preflight" value) (string-match-p "tok" value)
                   (string-match-p "tiny-standard" value))
              (preflight-test--say "hover ok: %s" (car (split-string value "\n")))
            (preflight-test--fail "hover: %S" hover)))
      (error (preflight-test--fail "hover: %s" (error-message-string failure))))
    (let (documentation)
      (eglot-hover-eldoc-function (lambda (text &rest _) (setq documentation (or text 'none))))
      (preflight-test--wait (lambda () documentation) 10)
      (if (and (stringp documentation) (string-match-p "Preflight" documentation)
               (string-match-p "tok" documentation))
          (preflight-test--say "eldoc ok")
        (preflight-test--fail "eldoc: %S" documentation)))

    ;; The mode-line summary: the code lens title, in `mode-line-misc-info'.  Batch Emacs
    ;; draws no mode line (`format-mode-line' returns ""), so the check is that the
    ;; construct showing the variable is part of the mode line and the variable holds the
    ;; title.
    (let ((summary (preflight-test--wait (lambda () preflight-mode-line-string) 10)))
      (if (and summary (string-match-p "tok" summary) (string-match-p "credits" summary)
               (member preflight--mode-line-construct mode-line-misc-info)
               (memq 'mode-line-misc-info (flatten-tree mode-line-format)))
          (preflight-test--say "mode-line %s" summary)
        (preflight-test--fail "mode-line: summary \"%s\", mode-line-misc-info %S" summary
                              mode-line-misc-info)))

    ;; preflight-estimate: the buffer, then its first line only.
    (condition-case failure
        (let* ((whole (preflight-estimate))
               (tokens (plist-get (plist-get whole :tokens) :input))
               (report (with-current-buffer "*Preflight*" (buffer-string)))
               (part (preflight-estimate (point-min) (line-end-position 1)))
               (part-tokens (plist-get (plist-get part :tokens) :input)))
          (preflight-test--say "estimate tokens %s tier %s model %s credits %s" tokens
                               (plist-get (plist-get whole :recommendation) :tier)
                               (plist-get (plist-get whole :recommendation) :model)
                               (plist-get (plist-get whole :cost) :credits))
          (unless (string-match-p "Tokens" report)
            (preflight-test--fail "estimate report: %S" report))
          (preflight-test--say "estimate-region tokens %s" part-tokens)
          (unless (and (integerp tokens) (integerp part-tokens) (< 0 part-tokens tokens))
            (preflight-test--fail "estimate: region %S is not a nonempty part of %S"
                                  part-tokens tokens)))
      (error (preflight-test--fail "estimate: %s" (error-message-string failure))))

    ;; preflight-check: with the budget setting, then with a balance of 0.
    (condition-case failure
        (let ((with-setting (preflight-check))
              (with-nothing (preflight-check 0)))
          (preflight-test--say "check setting allowed %s" (plist-get with-setting :allowed))
          (preflight-test--say "check zero-balance allowed %s" (plist-get with-nothing :allowed)))
      (error (preflight-test--fail "check: %s" (error-message-string failure))))

    ;; preflight-apply-settings pushes a new budget (didChangeConfiguration); the budget
    ;; setting the server then uses for a check without a balance is the new one.
    (condition-case failure
        (progn
          (setq preflight-budget '((balance . 0)))
          (preflight-apply-settings)
          (preflight-test--say "check after apply-settings allowed %s"
                               (plist-get (preflight-check) :allowed)))
      (error (preflight-test--fail "apply-settings: %s" (error-message-string failure))))

    ;; A real edit: the prompt now overflows the 50-token context window of tiny-standard.
    ;; Batch Emacs is never idle, so eglot's own (idle-timer) didChange never fires here; the
    ;; summary's plain debounce timer flushes it, as it does for a user typing continuously.
    (let ((tokens-before (and preflight-mode-line-string
                              (string-to-number (replace-regexp-in-string
                                                 "[~,]" "" preflight-mode-line-string)))))
      (goto-char (point-max))
      (insert preflight-test--long-paragraph)
      (let ((diagnostic
             (preflight-test--wait
              (lambda ()
                (cl-find-if (lambda (diagnostic)
                              (string-match-p "\\[context-window\\]"
                                              (flymake-diagnostic-text diagnostic)))
                            (flymake-diagnostics)))
              15)))
        (if diagnostic
            (preflight-test--say "diagnostic context-window %s: %s"
                                 (flymake-diagnostic-type diagnostic)
                                 (flymake-diagnostic-text diagnostic))
          (preflight-test--fail "diagnostics: no context-window diagnostic in %S"
                                (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))))
      (let ((tokens-after
             (preflight-test--wait
              (lambda ()
                (let ((now (and preflight-mode-line-string
                                (string-to-number (replace-regexp-in-string
                                                   "[~,]" "" preflight-mode-line-string)))))
                  (and now tokens-before (> now tokens-before) now)))
              10)))
        (if tokens-after
            (preflight-test--say "mode-line after edit %s" preflight-mode-line-string)
          (preflight-test--fail "mode-line after edit: still \"%s\" (was %s tokens)"
                                preflight-mode-line-string tokens-before))))

    ;; The server was asked for code-lens refreshes (preflight.el's capability) and each one
    ;; made the summary ask for the lens again (preflight.el's handler): in the events log,
    ;; a textDocument/codeLens request follows the last workspace/codeLens/refresh.
    (let ((events (jsonrpc-events-buffer server)))
      (if (preflight-test--wait
           (lambda ()
             (with-current-buffer events
               (goto-char (point-max))
               (and (search-backward "workspace/codeLens/refresh" nil t)
                    (search-forward "textDocument/codeLens" nil t))))
           5)
          (preflight-test--say "codelens-refresh followed by a codeLens request")
        (preflight-test--fail "codelens-refresh: no refresh, or no codeLens request after it")))

    ;; Clean shutdown: shutdown + exit, the process ends with status 0.  Emacs 28's jsonrpc
    ;; deletes (SIGKILLs) the process right after sending `exit', without waiting; the
    ;; advice gives the server 5 s to end by itself first, so that its own exit status is
    ;; what is checked.
    (let ((process (jsonrpc--process server)))
      (set-buffer-modified-p nil)
      (advice-add 'delete-process :around
                  (lambda (delete &optional target &rest arguments)
                    (when (eq target process)
                      (preflight-test--wait (lambda () (not (process-live-p process))) 5))
                    (apply delete target arguments))
                  '((name . preflight-test--patient-delete)))
      (eglot-shutdown server)
      (advice-remove 'delete-process 'preflight-test--patient-delete)
      (preflight-test--wait (lambda () (not (process-live-p process))) 10)
      (if (and (not (process-live-p process)) (eq (process-status process) 'exit)
               (= (process-exit-status process) 0))
          (preflight-test--say "exit 0")
        (preflight-test--fail "shutdown: status %s code %s" (process-status process)
                              (process-exit-status process))))
    (delete-directory directory t)))

(condition-case failure
    (catch 'preflight-test--abort (preflight-test--run))
  (error (preflight-test--fail "error: %s" (error-message-string failure))))
(when preflight-test--failed
  (let ((stderr (cl-find-if (lambda (buffer) (string-match-p "EGLOT.*stderr" (buffer-name buffer)))
                            (buffer-list))))
    (when stderr
      (preflight-test--say "server stderr: %s"
                           (string-trim (with-current-buffer stderr (buffer-string)))))))
(preflight-test--finish (if preflight-test--failed 1 0))

;;; emacs-eglot.el ends here
