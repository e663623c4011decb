# deskbreak's messages in Spanish: a translation of src/i18n/en/deskbreak.ftl.
# A message missing here is shown in English.
