;;; preflight.el --- LLM prompt tokens, tier and cost -*- lexical-binding: t -*-

;; Author: Preflight contributors
;; Version: 0.2.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: tools, languages

;; This file is not part of GNU Emacs.

;;; Commentary:

;; Preflight tells, before a prompt is sent to an LLM, how many tokens it
;; is, which model tier can handle it and what it will cost.  This package
;; connects Emacs to `preflight serve', a language server, through eglot:
;;
;; - `preflight-prompt-mode' (derived from `markdown-mode' when that is
;;   installed, otherwise `text-mode') for files named *.prompt and
;;   *.prompt.md; it starts the server with `eglot-ensure' unless
;;   `preflight-auto-start' is nil.
;; - Diagnostics (flymake, through eglot): the prompt exceeds the model's
;;   context window, high token inflation, budget alerts.
;; - Hover (eldoc, through eglot): tokens per tokenizer, complexity, tier,
;;   cost.
;; - A mode-line summary such as
;;   "1,234 tok · standard → gpt-4.1-mini · 0.0031 credits": the server's
;;   code lens.  Eglot does not display code lenses, so this package asks
;;   for the lens itself after changes and shows its title.
;; - `preflight-estimate' (buffer or region) and `preflight-check'
;;   (against a budget).
;;
;; Setup, with the repository cloned in ~/src/preflight:
;;
;;   (add-to-list 'load-path "~/src/preflight/editor-integration/emacs")
;;   (require 'preflight)
;;
;; and the program on `exec-path' (`make install PREFIX=~/.local' in the
;; clone puts it in ~/.local/bin) or named by `preflight-executable'.
;; README.md next to this file says more.

;;; Code:

(require 'cl-lib)
(require 'subr-x)
(require 'eglot nil t)
(unless (featurep 'eglot)
  (error "Preflight needs eglot: built into Emacs 29 and later; on Emacs \
27/28 install it (Debian 12: apt-get install elpa-eglot; elsewhere: \
M-x package-install RET eglot)"))
(require 'jsonrpc)

(defgroup preflight nil
  "Tokens, model tier and cost of LLM prompts, from the Preflight server."
  :group 'tools
  :prefix "preflight-")

(defconst preflight-minimum-server-version "0.2.0"
  "The first `preflight serve' with hover, code lens, diagnostics, commands.
An older server only answers Preflight's custom methods, so the package
warns about it.")

(defcustom preflight-executable "preflight"
  "The Preflight program: a name looked up on variable `exec-path', or a file."
  :type 'string)

(defcustom preflight-server-arguments nil
  "Extra arguments after `preflight serve', e.g. (\"--log-level\" \"debug\")."
  :type '(repeat string))

(defcustom preflight-default-model nil
  "Catalog id of the model to price (initializationOptions.defaultModel).
nil prices the model the server recommends."
  :type '(choice (const :tag "The recommended model" nil) string))

(defcustom preflight-budget nil
  "The budget `preflight-check' and budget diagnostics use, in credits.
1 credit = 1 USD.  A plist such as (:balance 5 :minimumBalance 0.1) or an
alist such as ((balance . 5)); keys are those of the server's budget object:
balance, minimumBalance, spendingLimit, spent.  nil: no budget setting."
  :type '(choice (const :tag "None" nil)
                 (plist :key-type (choice (const :balance)
                                          (const :minimumBalance)
                                          (const :spendingLimit)
                                          (const :spent))
                        :value-type number)))

(defcustom preflight-catalog-path nil
  "A price catalog file to load instead of the bundled one (catalogPath)."
  :type '(choice (const :tag "The bundled catalog" nil) file))

(defcustom preflight-routing-path nil
  "A routing file to load instead of the bundled one (routingPath)."
  :type '(choice (const :tag "The bundled routing" nil) file))

(defcustom preflight-debounce-ms nil
  "Milliseconds the server waits after a change before re-estimating.
The server's debounceMs, 0…10000; nil keeps its default (250)."
  :type '(choice (const :tag "Server default" nil) integer))

(defcustom preflight-auto-start t
  "Whether `preflight-prompt-mode' starts the server with `eglot-ensure'."
  :type 'boolean)

(defcustom preflight-summary-delay 0.5
  "Seconds after the last change before the mode-line summary is refreshed.
A plain timer, not an idle timer: the summary also follows changes that
programs make while Emacs is busy."
  :type 'number)


;;; Finding and starting the server

(defun preflight--find-executable ()
  "Return the absolute file name of the Preflight program, or nil."
  (let ((program preflight-executable))
    (cond ((or (not (stringp program)) (string-empty-p program)) nil)
          ;; A name with a directory part names a file: no search.
          ((or (file-name-absolute-p program) (string-match-p "/" program))
           (let ((file (expand-file-name program)))
             (and (file-executable-p file) (not (file-directory-p file)) file)))
          (t (executable-find program)))))

(defun preflight--missing-executable-message ()
  "Say that the Preflight program was not found, and how to get it."
  (format "Preflight: cannot find the program `%s' (not on `exec-path'). \
Build and install it from a clone of the repository with \
`make install PREFIX=~/.local', then add ~/.local/bin to `exec-path', \
or set `preflight-executable' to the program's full file name"
          preflight-executable))

(defun preflight--keyword (key)
  "Return KEY (a symbol, keyword or string) as a keyword."
  (let ((name (if (symbolp key) (symbol-name key) (format "%s" key))))
    (intern (concat ":" (string-remove-prefix ":" name)))))

(defun preflight--json-object (value setting)
  "Return VALUE, a plist or an alist, as a plist with keyword keys.
SETTING names the variable VALUE came from, for the error message."
  (cond ((null value) nil)
        ((and (consp value) (consp (car value)))
         (cl-loop for (key . item) in value
                  nconc (list (preflight--keyword key) item)))
        ((and (consp value) (zerop (% (length value) 2)))
         (cl-loop for (key item) on value by #'cddr
                  nconc (list (preflight--keyword key) item)))
        (t (user-error "Preflight: `%s' must be a plist or an alist, not %S"
                       setting value))))

(defun preflight--settings ()
  "The settings sent as initializationOptions and in didChangeConfiguration."
  (append
   (and preflight-default-model (list :defaultModel preflight-default-model))
   (and preflight-budget
        (list :budget (preflight--json-object preflight-budget
                                              'preflight-budget)))
   (and preflight-catalog-path
        (list :catalogPath (expand-file-name preflight-catalog-path)))
   (and preflight-routing-path
        (list :routingPath (expand-file-name preflight-routing-path)))
   (and preflight-debounce-ms (list :debounceMs preflight-debounce-ms))))

(defun preflight--initialization-options (_server)
  "Compute initializationOptions at each (re)connection.
Read then, not when the package loads, so that new settings apply."
  ;; An empty plist would be sent as null; an empty hash table is {}.
  (or (preflight--settings) (make-hash-table)))

(defclass preflight-eglot-server (eglot-lsp-server) ()
  :documentation "An eglot connection to `preflight serve'.
A class of its own, to ask for `workspace/codeLens/refresh' and answer it.")

(defun preflight--eglot-contact (&optional interactive &rest _)
  "Return the contact eglot needs to run the server, or signal why not.
INTERACTIVE is non-nil when the user ran \\[eglot] by hand."
  (ignore interactive)
  (let ((program (preflight--find-executable)))
    (unless program
      (user-error "%s" (preflight--missing-executable-message)))
    `(preflight-eglot-server
      ,program "serve" ,@preflight-server-arguments
      :initializationOptions preflight--initialization-options)))

(cl-defmethod eglot-client-capabilities ((_server preflight-eglot-server))
  "Eglot's capabilities, plus code-lens refresh.
With it the mode-line summary follows each new analysis."
  (let* ((capabilities (cl-call-next-method))
         (workspace (plist-get capabilities :workspace)))
    (plist-put capabilities :workspace
               (append workspace
                       (list :codeLens (list :refreshSupport t))))))

(defun preflight--our-server-p (server)
  "Whether SERVER is a Preflight connection."
  (or (cl-typep server 'preflight-eglot-server)
      ;; C-u M-x eglot connects with the plain class.
      (memq 'preflight-prompt-mode
            (ignore-errors (eglot--major-modes server)))))

(defun preflight-server-version (&optional server)
  "The version SERVER gave in serverInfo, or nil.
SERVER defaults to the current buffer's."
  (let ((server (or server (eglot-current-server))))
    (and server
         (plist-get (ignore-errors (eglot--server-info server)) :version))))

(defun preflight--version-older-p (version minimum)
  "Whether VERSION (a string or nil) is older than MINIMUM.
A missing or unreadable version counts as older."
  (or (not (stringp version))
      (not (string-match "\\`[0-9]+\\(?:\\.[0-9]+\\)*" version))
      ;; The numeric part only: "0.2.0-dev" is 0.2.0, and `version-to-list'
      ;; rejects "dev".
      (let ((numeric (match-string 0 version)))
        (version-list-< (version-to-list numeric)
                        (version-to-list minimum)))))

(defun preflight--check-server-version (server)
  "Warn when SERVER is older than `preflight-minimum-server-version'."
  (when (preflight--our-server-p server)
    (let ((version (preflight-server-version server)))
      (when (preflight--version-older-p version
                                        preflight-minimum-server-version)
        (display-warning
         'preflight
         (format "The Preflight server (%s) is version %s, older than %s: \
no hover, diagnostics, mode-line summary or commands.  Update it with \
`make install PREFIX=~/.local' from a current clone."
                 (or (preflight--find-executable) preflight-executable)
                 (or version "(none given)")
                 preflight-minimum-server-version)
         :warning)))))

(add-hook 'eglot-connect-hook #'preflight--check-server-version)

(defun preflight--capability (server capability)
  "SERVER's CAPABILITY (a keyword such as :codeLensProvider), or nil."
  (plist-get (ignore-errors (eglot--capabilities server)) capability))

(defun preflight--supports-command-p (server command)
  "Whether SERVER lists COMMAND in executeCommandProvider."
  (let ((provider (preflight--capability server :executeCommandProvider)))
    (member command (append (plist-get provider :commands) nil))))

(defun preflight--server ()
  "The Preflight server of the current buffer.
Signal a `user-error' saying what is wrong when there is none."
  (or (and (eglot-managed-p) (eglot-current-server))
      (if (preflight--find-executable)
          (user-error "Preflight is not running for this buffer: \
M-x eglot starts it")
        (user-error "%s" (preflight--missing-executable-message)))))

(defun preflight--flush-changes ()
  "Send eglot's pending didChange now.
Eglot sends changes after `eglot-send-changes-idle-time' of idleness; a
request sent before that would see the previous text."
  (when (and (eglot-managed-p)
             (fboundp 'eglot--signal-textDocument/didChange))
    (eglot--signal-textDocument/didChange)))


;;; Mode-line summary (the code lens)

(defvar-local preflight-mode-line-string nil
  "The current buffer's Preflight summary, shown in `mode-line-misc-info'.")
;; Risky, so that the mode line honours its help-echo and mouse map.
(put 'preflight-mode-line-string 'risky-local-variable t)

(defvar-local preflight--summary-enabled nil
  "Non-nil in a Preflight buffer that eglot manages.")

(defvar-local preflight--summary-timer nil
  "The pending summary refresh of this buffer.")

(defconst preflight--mode-line-construct
  '(preflight-mode-line-string (" " preflight-mode-line-string " "))
  "What `mode-line-misc-info' gets: the summary, when there is one.")

(defun preflight--mode-line-estimate (event)
  "Run `preflight-estimate' in the window whose mode line got EVENT."
  (interactive "e")
  (with-selected-window (posn-window (event-start event))
    (call-interactively #'preflight-estimate)))

(defvar preflight--mode-line-map
  (let ((map (make-sparse-keymap)))
    (define-key map [mode-line mouse-1] #'preflight--mode-line-estimate)
    map)
  "Mouse map of the summary: a click shows the full estimate.")

(defun preflight--schedule-summary (delay)
  "Refresh the current buffer's summary in DELAY seconds.
This replaces a refresh still pending."
  (when (timerp preflight--summary-timer)
    (cancel-timer preflight--summary-timer))
  (setq preflight--summary-timer
        (run-with-timer delay nil #'preflight-refresh-summary
                        (current-buffer))))

(defun preflight--after-change (&rest _)
  "Debounce summary refreshes while the user types."
  (preflight--schedule-summary preflight-summary-delay))

(defun preflight-refresh-summary (&optional buffer)
  "Ask the server for BUFFER's code lens and show its title in the mode line.
BUFFER defaults to the current buffer."
  (interactive)
  (let ((buffer (or buffer (current-buffer))))
    (when (buffer-live-p buffer)
      (with-current-buffer buffer
        (setq preflight--summary-timer nil)
        (let ((server (and (eglot-managed-p) (eglot-current-server))))
          (when (and server (jsonrpc-running-p server)
                     (preflight--capability server :codeLensProvider))
            (preflight--flush-changes)
            (jsonrpc-async-request
             server :textDocument/codeLens
             (list :textDocument (eglot--TextDocumentIdentifier))
             :success-fn (lambda (lenses)
                           (preflight--show-summary buffer lenses))
             :error-fn (lambda (error)
                         (preflight--summary-failed buffer error))
             ;; A slow answer keeps the previous summary; the next change
             ;; asks again.
             :timeout-fn #'ignore
             ;; Deferred: sent once eglot has no unsent change for the
             ;; buffer, and a newer summary request replaces one still
             ;; waiting.
             :deferred 'preflight-summary)))))))

(defun preflight--show-summary (buffer lenses)
  "Show the title of the first of LENSES in BUFFER's mode line."
  (when (buffer-live-p buffer)
    (with-current-buffer buffer
      (let* ((lens (and (> (length lenses) 0) (elt lenses 0)))
             (title (plist-get (plist-get lens :command) :title)))
        (setq preflight-mode-line-string
              (and (stringp title)
                   (propertize title
                               'help-echo "Preflight estimate of this buffer
mouse-1: details"
                               'mouse-face 'mode-line-highlight
                               'local-map preflight--mode-line-map)))
        (force-mode-line-update)))))

(cl-defmethod eglot-handle-request
  ((server preflight-eglot-server)
   (_method (eql workspace/codeLens/refresh)) &rest _)
  "Refresh the summaries of SERVER's buffers.
The server sends this request after each new analysis of a document."
  (dolist (buffer (buffer-list))
    (with-current-buffer buffer
      (when (and preflight--summary-enabled
                 (eq (eglot-current-server) server))
        (preflight--schedule-summary 0))))
  nil)

(defun preflight--summary-failed (buffer error)
  "Show in BUFFER's mode line that the summary request failed with ERROR."
  (when (buffer-live-p buffer)
    (with-current-buffer buffer
      (setq preflight-mode-line-string
            (propertize "preflight: error" 'face 'error
                        'help-echo (format "%s" (or (plist-get error :message)
                                                    error))))
      (force-mode-line-update))))

(defun preflight--managed-mode-hook ()
  "Start or stop the mode-line summary.
Runs when eglot starts or stops managing a buffer."
  (cond
   ((and (eglot-managed-p) (derived-mode-p 'preflight-prompt-mode))
    (setq preflight--summary-enabled t)
    (unless (member preflight--mode-line-construct mode-line-misc-info)
      (push preflight--mode-line-construct mode-line-misc-info))
    (add-hook 'after-change-functions #'preflight--after-change nil t)
    ;; Eglot runs this hook before it sends didOpen; a timer asks after.
    (preflight--schedule-summary 0))
   (preflight--summary-enabled
    (setq preflight--summary-enabled nil
          preflight-mode-line-string nil)
    (remove-hook 'after-change-functions #'preflight--after-change t)
    (when (timerp preflight--summary-timer)
      (cancel-timer preflight--summary-timer))
    (setq preflight--summary-timer nil)
    (force-mode-line-update))))

(add-hook 'eglot-managed-mode-hook #'preflight--managed-mode-hook)


;;; Commands

(defun preflight--group-digits (number)
  "NUMBER with thousands separators, as the server writes counts."
  (let ((digits (number-to-string (abs number))) groups)
    (while (> (length digits) 3)
      (push (substring digits -3) groups)
      (setq digits (substring digits 0 -3)))
    (concat (if (< number 0) "-" "")
            (mapconcat #'identity (cons digits groups) ","))))

(defun preflight--credits (amount)
  "AMOUNT of credits to two significant digits, as the code lens writes it."
  (cond ((not (numberp amount)) "?")
        ((zerop amount) "0")
        (t (let ((decimals (max 0 (- 1 (floor (log (abs amount) 10))))))
             (format (format "%%.%df" decimals) amount)))))

(defun preflight--tokens (tokens)
  "The count of TOKENS (a result's tokens object), with ~ when estimated."
  (concat (if (eq (plist-get tokens :exact) t) "" "~")
          (preflight--group-digits (or (plist-get tokens :input) 0))))

(defun preflight--execute (server command argument)
  "Run COMMAND on SERVER with ARGUMENT through workspace/executeCommand."
  (unless (preflight--supports-command-p server command)
    (user-error "Preflight: the server (version %s) has no `%s' command; \
version %s has it"
                (or (preflight-server-version server) "unknown") command
                preflight-minimum-server-version))
  (preflight--flush-changes)
  (jsonrpc-request server :workspace/executeCommand
                   (list :command command :arguments (vector argument))))

(defun preflight--document-argument ()
  "The {uri} argument of a Preflight command on the current buffer."
  (list :uri (plist-get (eglot--TextDocumentIdentifier) :uri)))

(defun preflight--estimate-summary (result)
  "One line for RESULT of preflight.estimate, like the mode-line summary."
  ;; The priced model: the recommendation is null when no model can hold the prompt.
  (let* ((model (plist-get result :model))
         (cost (plist-get result :cost))
         (range (plist-get cost :range)))
    (format "%s tok · %s → %s · %s credits (%s–%s)"
            (preflight--tokens (plist-get result :tokens))
            (plist-get model :tier)
            (plist-get model :id)
            (preflight--credits (plist-get cost :credits))
            (preflight--credits (plist-get range :low))
            (preflight--credits (plist-get range :high)))))

(defun preflight--tier-line (entry)
  "One line of the *Preflight* tier table for ENTRY of a result's tiers."
  (format "  %-9s %s  %s\n"
          (plist-get entry :tier)
          (or (plist-get entry :model) "-")
          (if (plist-get entry :credits)
              (format "%s credits"
                      (preflight--credits (plist-get entry :credits)))
            (format "(%s)" (or (plist-get entry :reason) "no model")))))

(defun preflight--estimate-report (result what)
  "The *Preflight* text for RESULT of preflight.estimate on WHAT."
  (let* ((tokens (plist-get result :tokens))
         (token-range (plist-get tokens :range))
         (recommendation (plist-get result :recommendation))
         (model (plist-get result :model))
         (cost (plist-get result :cost))
         (range (plist-get cost :range)))
    (concat
     (format "Preflight estimate of %s\n\n" what)
     (format "Tokens    %s (%s, %s)\n"
             (preflight--tokens tokens)
             (plist-get tokens :tokenizer)
             (if (eq (plist-get tokens :exact) t)
                 "exact"
               (format "estimate, %s–%s"
                       (preflight--group-digits
                        (or (plist-get token-range :low) 0))
                       (preflight--group-digits
                        (or (plist-get token-range :high) 0)))))
     (format "Tier      %s → %s\n"
             (plist-get model :tier)
             (plist-get model :id))
     (format "Cost      %s credits (range %s–%s), %s output tokens \
projected\n"
             (preflight--credits (plist-get cost :credits))
             (preflight--credits (plist-get range :low))
             (preflight--credits (plist-get range :high))
             (preflight--group-digits (or (plist-get cost :outputTokens) 0)))
     "Tiers\n"
     (mapconcat #'preflight--tier-line (plist-get result :tiers) "")
     (format "Why       %s\n" (or (plist-get recommendation :reason) ""))
     (mapconcat (lambda (warning)
                  ;; Each warning is {field?, message} (a string from older servers).
                  (format "Warning   %s\n"
                          (if (stringp warning) warning (plist-get warning :message))))
                (plist-get result :warnings) ""))))

(defun preflight--show-report (text display)
  "Put TEXT in the *Preflight* buffer; show it when DISPLAY is non-nil."
  (let ((buffer (get-buffer-create "*Preflight*")))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (erase-buffer)
        (insert text)
        (goto-char (point-min)))
      (special-mode))
    (when display
      (display-buffer buffer '(display-buffer-below-selected
                               (window-height . fit-window-to-buffer))))
    buffer))

(defun preflight-estimate (&optional beg end)
  "Estimate the buffer, or the text from BEG to END.
Interactively, BEG and END are the active region's.  Show tokens,
tier → model and credits with their range in the echo area and the
details in *Preflight*; return the server's result (a plist)."
  (interactive (and (use-region-p) (list (region-beginning) (region-end))))
  (let ((server (preflight--server))
        (argument (preflight--document-argument)))
    (when (and beg end)
      (setq argument
            (append argument
                    (list :range
                          (list :start (eglot--pos-to-lsp-position beg)
                                :end (eglot--pos-to-lsp-position end))))))
    (let ((result (preflight--execute server "preflight.estimate" argument))
          (what (if (and beg end)
                    (format "%s, lines %d–%d" (buffer-name)
                            (line-number-at-pos beg) (line-number-at-pos end))
                  (buffer-name))))
      (preflight--show-report (preflight--estimate-report result what)
                              (called-interactively-p 'interactive))
      (message "Preflight: %s" (preflight--estimate-summary result))
      result)))

(defun preflight--read-balance ()
  "Ask for a balance in credits."
  (let ((balance (read-number "Check against a balance of (credits): ")))
    (when (< balance 0) (user-error "Preflight: a balance cannot be negative"))
    balance))

(defun preflight-check (&optional balance)
  "Check the buffer against `preflight-budget', or against BALANCE credits.
Interactively, with a prefix argument or when `preflight-budget' is nil,
ask for the balance.  Show whether the request would be allowed, and
return the server's result (a plist with :allowed)."
  (interactive (list (and (or current-prefix-arg (null preflight-budget))
                          (preflight--read-balance))))
  (let ((server (preflight--server))
        (argument (preflight--document-argument)))
    (cond (balance
           (setq argument
                 (append argument (list :budget (list :balance balance)))))
          ((null preflight-budget)
           (user-error "Preflight: no budget: set `preflight-budget' or \
give a balance (C-u M-x preflight-check)")))
    ;; Without :budget the server uses the budget setting it was given.
    (let* ((result (preflight--execute server "preflight.check" argument))
           (balance-after (plist-get result :balanceAfter))
           (remaining (plist-get result :remainingLimit))
           (range (plist-get result :range))
           (line (format "%s: %s credits%s%s — %s"
                         (if (eq (plist-get result :allowed) t)
                             "Allowed" "Refused")
                         (preflight--credits (plist-get result :credits))
                         (if balance-after
                             (format ", balance after %s"
                                     (preflight--credits balance-after))
                           "")
                         (if remaining
                             (format ", %s of the limit left"
                                     (preflight--credits remaining))
                           "")
                         (plist-get result :reason))))
      (preflight--show-report
       (format "Preflight budget check of %s\n\n%s\n\n\
Model     %s (%s)\nRange     %s–%s credits\n"
               (buffer-name) line
               (plist-get result :model) (plist-get result :tier)
               (preflight--credits (plist-get range :low))
               (preflight--credits (plist-get range :high)))
       (called-interactively-p 'interactive))
      (message "Preflight: %s" line)
      result)))

(defun preflight-apply-settings ()
  "Send the current preflight-* settings to the running server.
The server keeps a setting that is not sent; \\[eglot-reconnect] starts
over from the settings alone."
  (interactive)
  (jsonrpc-notify (preflight--server) :workspace/didChangeConfiguration
                  (list :settings
                        (list :preflight (or (preflight--settings)
                                             (make-hash-table))))))


;;; The mode

(defvar preflight-prompt-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "C-c C-e") #'preflight-estimate)
    map)
  "Keymap of `preflight-prompt-mode'.")

(easy-menu-define preflight-prompt-mode-menu preflight-prompt-mode-map
  "Menu of `preflight-prompt-mode'."
  '("Preflight"
    ["Estimate buffer or region" preflight-estimate]
    ["Check against budget" preflight-check]
    ["Refresh mode-line summary" preflight-refresh-summary]
    ["Send settings to the server" preflight-apply-settings]))

;; markdown-mode when installed (prompts are often Markdown), without
;; depending on it.
(defalias 'preflight-prompt-parent-mode
  (if (fboundp 'markdown-mode) #'markdown-mode #'text-mode)
  "The mode `preflight-prompt-mode' derives from.")

;;;###autoload
(define-derived-mode preflight-prompt-mode preflight-prompt-parent-mode "Prompt"
  "Major mode for LLM prompts checked by Preflight.
With `preflight-auto-start', start `preflight serve' through eglot: hover,
diagnostics, a mode-line summary, \\[preflight-estimate] and `preflight-check'.

\\{preflight-prompt-mode-map}"
  (when preflight-auto-start
    (if (preflight--find-executable)
        (eglot-ensure)
      (message "%s" (preflight--missing-executable-message)))))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.prompt\\'" . preflight-prompt-mode))
;;;###autoload
(add-to-list 'auto-mode-alist '("\\.prompt\\.md\\'" . preflight-prompt-mode))

(add-to-list 'eglot-server-programs
             (cons '(preflight-prompt-mode :language-id "prompt")
                   #'preflight--eglot-contact))

(provide 'preflight)
;;; preflight.el ends here
