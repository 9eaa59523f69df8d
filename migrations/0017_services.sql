-- Public service desk (DOMAIN.md §6, §8, §11): the services an office offers with their
-- versioned service standards, the requests the public files (public-information requests,
-- objections, complaints, research permits) with their working-day clocks, the Daftar Informasi
-- Publik, information disputes, public uploads (kept apart from internal evidence) and the
-- satisfaction survey (SKM).

-- A service of an office. Its limits in working days are data (DOMAIN.md marks the complaint
-- limits and the research-permit service time as unconfirmed): sla_working_days is the promised
-- completion time, ack_working_days the acknowledgement limit of complaints (0 = none).
CREATE TABLE svc_services (
  id {{ID}},
  org_unit_id {{BIGINT}} NOT NULL REFERENCES org_units (id),
  region_code {{CODE}} NOT NULL,                 -- the office's region (its scope)
  kind TEXT NOT NULL CHECK (kind IN ('INFO_REQUEST', 'INFO_OBJECTION', 'COMPLAINT', 'RESEARCH_PERMIT')),
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sla_working_days INTEGER NOT NULL CHECK (sla_working_days BETWEEN 1 AND 365),
  ack_working_days INTEGER NOT NULL DEFAULT 0 CHECK (ack_working_days BETWEEN 0 AND 365),
  limit_basis TEXT NOT NULL DEFAULT '',      -- legal basis of the limits, or the office's own standard
  limit_confirmed INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  UNIQUE (org_unit_id, kind)
);
CREATE INDEX svc_services_region ON svc_services (region_code, id);

-- A version of a service standard: the 14 components of UU 25/2009 Art. 21 as a JSON object
-- (keys in services/model.h), and the Maklumat Pelayanan. Published versions are public; the
-- newest published one is the standard in force.
CREATE TABLE svc_standards (
  id {{ID}},
  service_id {{BIGINT}} NOT NULL REFERENCES svc_services (id),
  version_no INTEGER NOT NULL,
  effective_from TEXT NOT NULL,              -- YYYY-MM-DD
  components TEXT NOT NULL,                  -- JSON object
  maklumat TEXT NOT NULL DEFAULT '',
  published INTEGER NOT NULL DEFAULT 0,
  created_by {{BIGINT}} REFERENCES users (id),
  created_at TEXT NOT NULL,
  UNIQUE (service_id, version_no)
);

-- A request of the public. reg_no is random (it reveals no count); the applicant proves it is
-- theirs with a secret given once at submission, stored only as its SHA-256.
-- Clock: start_date is the local registration day in the office's time zone; limit_wd the
-- working days allowed (10, 17 after a PPID extension); finished_date/used_wd/on_time are set
-- when the office answers, so recaps read stored figures.
CREATE TABLE svc_cases (
  id {{ID}},
  service_id {{BIGINT}} NOT NULL REFERENCES svc_services (id),
  org_unit_id {{BIGINT}} NOT NULL REFERENCES org_units (id),
  region_code {{CODE}} NOT NULL,
  kind TEXT NOT NULL,
  reg_no TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  status TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('PORTAL', 'COUNTER', 'PHONE', 'EMAIL', 'LAPOR', 'SOCIAL')),
  lapor_ref TEXT NOT NULL DEFAULT '',
  applicant_name TEXT NOT NULL,
  applicant_contact TEXT NOT NULL DEFAULT '',
  applicant_id_no TEXT NOT NULL DEFAULT '',  -- NIK or passport number
  applicant_org TEXT NOT NULL DEFAULT '',
  anonymous INTEGER NOT NULL DEFAULT 0,
  subject TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}',        -- JSON: kind-specific fields
  parent_id {{BIGINT}} REFERENCES svc_cases (id), -- an objection's information request
  research_region TEXT,                      -- research permits: where the research takes place
  received_at TEXT NOT NULL,
  start_date TEXT NOT NULL,
  limit_wd INTEGER NOT NULL,
  ack_limit_wd INTEGER NOT NULL DEFAULT 0,
  acknowledged_date TEXT,
  extended INTEGER NOT NULL DEFAULT 0,
  extension_reason TEXT NOT NULL DEFAULT '',
  finished_date TEXT,
  used_wd INTEGER,
  on_time INTEGER,
  response_type TEXT,
  fee_rupiah {{BIGINT}} NOT NULL DEFAULT 0,
  decision_note TEXT NOT NULL DEFAULT '',
  letter_no TEXT,
  letter_sha TEXT,
  letter_code TEXT,                          -- its verification code in the document register
  letter_issued_at TEXT,
  escalated_ombudsman INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX svc_cases_region ON svc_cases (region_code, id);
CREATE INDEX svc_cases_research_region ON svc_cases (research_region, id);
CREATE INDEX svc_cases_open ON svc_cases (service_id, finished_date);

-- Waits for the applicant (requests for completion): the only thing that pauses a clock.
CREATE TABLE svc_pauses (
  case_id {{BIGINT}} NOT NULL REFERENCES svc_cases (id),
  seq INTEGER NOT NULL,
  from_date TEXT NOT NULL,
  to_date TEXT,
  reason TEXT NOT NULL,
  PRIMARY KEY (case_id, seq)
);

-- The history of a case. `public_note` is what the applicant sees on the tracking page; the
-- actor and internal note are for staff only.
CREATE TABLE svc_events (
  id {{ID}},
  case_id {{BIGINT}} NOT NULL REFERENCES svc_cases (id),
  at TEXT NOT NULL,
  actor_id {{BIGINT}} REFERENCES users (id),    -- NULL: the applicant
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  public_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX svc_events_case ON svc_events (case_id, id);

-- Files sent by the public: kept apart from internal evidence (own table, own directory),
-- checked by content (PDF, JPEG, PNG only). `token` is what a form refers to.
CREATE TABLE svc_public_files (
  id {{ID}},
  token TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  mime TEXT NOT NULL,
  size {{BIGINT}} NOT NULL,
  name TEXT NOT NULL,
  case_id {{BIGINT}} REFERENCES svc_cases (id),
  uploaded_at TEXT NOT NULL
);

-- The documents of a research permit (DOMAIN.md §6.3) with the verdict per document.
CREATE TABLE svc_documents (
  case_id {{BIGINT}} NOT NULL REFERENCES svc_cases (id),
  doc_type TEXT NOT NULL,
  file_id {{BIGINT}} REFERENCES svc_public_files (id),
  verdict TEXT NOT NULL DEFAULT 'PENDING' CHECK (verdict IN ('PENDING', 'OK', 'REVISE', 'NOT_APPLICABLE')),
  verdict_note TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (case_id, doc_type)
);

-- Information disputes at the Komisi Informasi, after an objection.
CREATE TABLE svc_disputes (
  id {{ID}},
  case_id INTEGER NOT NULL UNIQUE REFERENCES svc_cases (id),
  filed_on TEXT NOT NULL,
  ki_level TEXT NOT NULL CHECK (ki_level IN ('PUSAT', 'PROVINSI', 'KABKOTA')),
  ki_case_no TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL,
  decision TEXT NOT NULL DEFAULT '',
  decided_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);

-- Daftar Informasi Publik of an office.
CREATE TABLE svc_info_list (
  id {{ID}},
  org_unit_id {{BIGINT}} NOT NULL REFERENCES org_units (id),
  region_code {{CODE}} NOT NULL,
  info_class TEXT NOT NULL CHECK (info_class IN ('BERKALA', 'SERTA_MERTA', 'SETIAP_SAAT', 'DIKECUALIKAN')),
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  responsible TEXT NOT NULL DEFAULT '',
  form TEXT NOT NULL DEFAULT '',             -- softcopy / hardcopy
  retention TEXT NOT NULL DEFAULT '',
  exemption_basis TEXT NOT NULL DEFAULT '',  -- DIKECUALIKAN: UU 14/2008 Art. 17 and the consequence test
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE INDEX svc_info_list_region ON svc_info_list (region_code, id);

-- Survei Kepuasan Masyarakat: one answer per finished case, 9 elements scored 1-4.
CREATE TABLE svc_surveys (
  case_id {{BIGINT}} PRIMARY KEY REFERENCES svc_cases (id),
  service_id {{BIGINT}} NOT NULL REFERENCES svc_services (id),
  region_code {{CODE}} NOT NULL,
  answered_at TEXT NOT NULL,
  u1 INTEGER NOT NULL, u2 INTEGER NOT NULL, u3 INTEGER NOT NULL, u4 INTEGER NOT NULL, u5 INTEGER NOT NULL,
  u6 INTEGER NOT NULL, u7 INTEGER NOT NULL, u8 INTEGER NOT NULL, u9 INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX svc_surveys_service ON svc_surveys (service_id, answered_at);

-- Service times of finished requests, counted per service, month of finishing and working days
-- used (one row per combination, kept when a request is finished): the recaps and the portal's
-- real service times read these few rows instead of every request.
CREATE TABLE svc_times (
  service_id {{BIGINT}} NOT NULL REFERENCES svc_services (id),
  region_code {{CODE}} NOT NULL,
  month TEXT NOT NULL,                       -- YYYY-MM of the local finishing day
  used_wd INTEGER NOT NULL,
  finished {{BIGINT}} NOT NULL,
  on_time {{BIGINT}} NOT NULL,
  PRIMARY KEY (service_id, month, used_wd)
);
CREATE INDEX svc_times_region ON svc_times (region_code, month);

-- The research-permit letter in the document register (numbered, QR-verified).
INSERT INTO document_kinds (code, name_id, name_en, classification) VALUES
  ('SKP_LETTER', 'Surat keterangan penelitian', 'Research permit letter', '070');
