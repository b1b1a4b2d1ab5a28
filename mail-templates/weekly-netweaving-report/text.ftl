<#ftl encoding="UTF-8">
<#assign owed = rewardsOwed?string>
Hello ${recipient.name},

Here is how netweaving went for ${period}.

  ${"Introductions proposed "?right_pad(32, ".")} ${stats.proposed}
  ${"Consented by both customers "?right_pad(32, ".")} ${stats.consented}
  ${"Introduced "?right_pad(32, ".")} ${stats.introduced}
  ${"Met "?right_pad(32, ".")} ${stats.met}
  ${"Deals won "?right_pad(32, ".")} ${stats.won}
  ${"Value of deals won "?right_pad(32, ".")} ${stats.value}
  ${"Rewards owed to customers "?right_pad(32, ".")} ${owed}

<#if owed == "0">
No rewards are waiting – every customer who earned one has been
thanked.
<#elseif owed == "1">
1 reward is still waiting to be approved or fulfilled. A personal note
makes it count.
<#else>
${owed} rewards are still waiting to be approved or fulfilled. A personal
note makes them count.
</#if>

Open the netweaving board:
${links.board}

-- 
Sent by Rapport for ${company.name}
