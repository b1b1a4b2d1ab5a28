<#ftl encoding="UTF-8">
<#assign owed = rewardsOwed?string>
Hallo ${recipient.name},

hier ist der Netweaving-Überblick für ${period}.

  ${"Vorgeschlagene Kontakte "?right_pad(32, ".")} ${stats.proposed}
  ${"Zustimmung beider Kunden "?right_pad(32, ".")} ${stats.consented}
  ${"Vorgestellt "?right_pad(32, ".")} ${stats.introduced}
  ${"Getroffen "?right_pad(32, ".")} ${stats.met}
  ${"Abschlüsse "?right_pad(32, ".")} ${stats.won}
  ${"Auftragswert der Abschlüsse "?right_pad(32, ".")} ${stats.value}
  ${"Offene Belohnungen für Kunden "?right_pad(32, ".")} ${owed}

<#if owed == "0">
Es sind keine Belohnungen offen – alle Kunden, die sich eine verdient
haben, haben ihr Dankeschön erhalten.
<#elseif owed == "1">
Eine Belohnung wartet noch auf Ihre Freigabe oder Übergabe. Mit einer
persönlichen Nachricht kommt sie am besten an.
<#else>
${owed} Belohnungen warten noch auf Ihre Freigabe oder Übergabe. Mit
einer persönlichen Nachricht kommen sie am besten an.
</#if>

Netweaving-Board öffnen:
${links.board}

-- 
Gesendet von Rapport für ${company.name}
